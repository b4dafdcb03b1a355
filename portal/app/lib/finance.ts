import type { Money } from "../graphql/types";

/** ru-RU presentation of finance data. Pure: the same on the server and in the browser. */

const day = new Intl.DateTimeFormat("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });

/** "2026-03-05" → "05.03.2026". */
export const formatDay = (iso: string) => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/** Today in Moscow as YYYY-MM-DD, and the default period of a reconciliation act: 1 January → today. */
export function defaultActPeriod(now = new Date()): { from: string; to: string } {
  const to = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(now);
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

export const PAYMENT_STATUS: Record<string, string> = {
  UNPAID: "не оплачен",
  PARTIALLY_PAID: "оплачен частично",
  PAID: "оплачен",
};

export const termsLabel = (terms: string, deferralDays: number) =>
  terms === "DEFERRAL" ? `отсрочка ${deferralDays} дн.` : "предоплата";

/** What a balance means for the dealer: positive — the dealer owes, negative — an advance. */
export function balanceMeaning(balance: Money): string {
  if (balance.amount > 0) return "задолженность перед поставщиком";
  if (balance.amount < 0) return "аванс (переплата) в пользу дилера";
  return "расчёты закрыты";
}

export const FORMAT_LABEL: Record<string, string> = { pdf: "PDF", xlsx: "Excel", html: "HTML" };

/** Where the browser downloads a document by its signed token. */
export const documentHref = (token: string) => `/documents/${encodeURIComponent(token)}`;

/** A step chart of the balance: SVG path data in a `width` × `height` box, days spaced by date. */
export function balancePath(
  points: { date: string; amount: number }[],
  width: number,
  height: number,
): { path: string; zeroY: number; min: number; max: number } | null {
  if (points.length === 0) return null;
  const t = points.map((p) => Date.parse(`${p.date}T00:00:00Z`));
  const t0 = t[0] ?? 0;
  const span = Math.max(1, (t.at(-1) ?? t0) - t0);
  const min = Math.min(0, ...points.map((p) => p.amount));
  const max = Math.max(0, ...points.map((p) => p.amount));
  const range = Math.max(1, max - min);
  const x = (i: number) => Math.round((((t[i] ?? t0) - t0) / span) * width * 10) / 10;
  const y = (v: number) => Math.round((height - ((v - min) / range) * height) * 10) / 10;
  let path = `M0 ${y(points[0]?.amount ?? 0)}`;
  points.forEach((p, i) => {
    if (i > 0) path += ` H${x(i)} V${y(p.amount)}`;
  });
  return { path: `${path} H${width}`, zeroY: y(0), min, max };
}
