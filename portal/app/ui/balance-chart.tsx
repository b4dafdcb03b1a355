import type { Money } from "../graphql/types";
import { balancePath, formatDay } from "../lib/finance";
import { formatMoney } from "../lib/format";

const W = 600;
const H = 120;

/** The contract's balance over time as a step chart, with its range and dates in words for screen readers. */
export function BalanceChart({ history, title }: { history: { date: string; balance: Money }[]; title: string }) {
  const currency = history[0]?.balance.currency ?? "RUB";
  const chart = balancePath(
    history.map((p) => ({ date: p.date, amount: p.balance.amount })),
    W,
    H,
  );
  if (!chart || history.length < 2) return null;
  const first = history[0];
  const last = history.at(-1);
  const money = (amount: number) => formatMoney({ amount, currency });
  const summary = `${title}: с ${formatDay(first?.date ?? "")} по ${formatDay(last?.date ?? "")}, от ${money(chart.min)} до ${money(chart.max)}, сейчас ${money(last?.balance.amount ?? 0)}`;
  return (
    <figure className="balance-chart">
      <svg viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <line x1={0} x2={W} y1={chart.zeroY} y2={chart.zeroY} className="balance-chart__zero" />
        <path d={chart.path} className="balance-chart__line" />
      </svg>
      <figcaption className="muted">
        {title}: {formatDay(first?.date ?? "")} — {formatDay(last?.date ?? "")}; максимум {money(chart.max)}, минимум{" "}
        {money(chart.min)}.
      </figcaption>
    </figure>
  );
}
