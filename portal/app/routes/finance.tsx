import { Form, useNavigation } from "react-router";
import { FinanceQuery, type FinanceSummary, type ReconciliationAct, RequestActMutation } from "../graphql/finance";
import { ruDateToIso } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import {
  balanceMeaning,
  defaultActPeriod,
  documentHref,
  FORMAT_LABEL,
  formatDay,
  PAYMENT_STATUS,
  termsLabel,
} from "../lib/finance";
import { formatDateTime, formatMoney } from "../lib/format";
import { ForbiddenError, mutate, query } from "../lib/gateway.server";
import { BalanceChart } from "../ui/balance-chart";
import type { Route } from "./+types/finance";

export const meta: Route.MetaFunction = () => [{ title: "Финансы — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const period = defaultActPeriod();
    try {
      const { finance } = await query(client, FinanceQuery, {});
      return { finance, period, denied: null };
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      return { finance: null, period, denied: error.message };
    }
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const value = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" && v !== "" ? v : null;
    };
    const from = ruDateToIso(value("from") ?? "");
    const to = ruDateToIso(value("to") ?? "");
    if (from === null || to === null) {
      return { act: null, error: "Укажите даты периода в формате ДД.ММ.ГГГГ, например 01.01.2026." };
    }
    const { requestReconciliationAct: r } = await mutate(client, RequestActMutation, {
      from: from || null,
      to: to || null,
      contractId: value("contractId"),
    });
    return r.__typename === "ReconciliationAct" ? { act: r, error: null } : { act: null, error: r.message };
  });
}

function ActLinks({ act }: { act: ReconciliationAct }) {
  return (
    <span className="doc-links">
      {act.links.map((l) => (
        <a key={l.format} href={documentHref(l.token)} download>
          Скачать {FORMAT_LABEL[l.format] ?? l.format}
        </a>
      ))}
    </span>
  );
}

function Contracts({ finance }: { finance: FinanceSummary }) {
  return finance.contracts.map((c) => (
    <section key={c.id} className="card finance-card finance-contract" aria-labelledby={`contract-${c.id}`}>
      <h2 id={`contract-${c.id}`}>
        Договор № {c.number} от {formatDay(c.signedOn)}
      </h2>
      <dl className="finance-facts">
        <dt>Условия оплаты</dt>
        <dd>{termsLabel(c.paymentTerms, c.deferralDays)}</dd>
        <dt>Кредитный лимит</dt>
        <dd>{c.creditLimit ? formatMoney(c.creditLimit) : "не установлен"}</dd>
        <dt>Сальдо</dt>
        <dd>
          <strong>{formatMoney(c.balance)}</strong> <span className="muted">— {balanceMeaning(c.balance)}</span>
        </dd>
        <dt>Просрочено</dt>
        <dd className={c.overdueDebt.amount > 0 ? "finance-overdue" : undefined}>{formatMoney(c.overdueDebt)}</dd>
      </dl>
      <BalanceChart history={c.balanceHistory} title="Сальдо по договору" />
      {c.operations.length === 0 ? (
        <p className="muted">Отгрузок и оплат по договору не было.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Взаиморасчёты по договору № {c.number}</caption>
            <thead>
              <tr>
                <th scope="col">Дата</th>
                <th scope="col">Документ</th>
                <th scope="col" className="num">
                  Отгружено (дебет)
                </th>
                <th scope="col" className="num">
                  Оплачено (кредит)
                </th>
              </tr>
            </thead>
            <tbody>
              {c.operations.map((op) => (
                <tr key={`${op.date}-${op.kind}-${op.document}`}>
                  <td>{formatDay(op.date)}</td>
                  <td>{op.document}</td>
                  <td className="num">{op.debit.amount ? formatMoney(op.debit) : ""}</td>
                  <td className="num">{op.credit.amount ? formatMoney(op.credit) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  ));
}

function Invoices({ finance }: { finance: FinanceSummary }) {
  if (finance.invoices.length === 0) return <p className="muted">Счетов пока нет.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Счета на оплату</caption>
        <thead>
          <tr>
            <th scope="col">Счёт</th>
            <th scope="col">Дата</th>
            <th scope="col">Оплатить до</th>
            <th scope="col" className="num">
              Сумма
            </th>
            <th scope="col" className="num">
              Оплачено
            </th>
            <th scope="col">Статус</th>
          </tr>
        </thead>
        <tbody>
          {finance.invoices.map((inv) => (
            <tr key={inv.id}>
              <td>{inv.orderId ? <a href={`/orders/${inv.orderId}`}>№ {inv.number}</a> : `№ ${inv.number}`}</td>
              <td>{formatDay(inv.issuedOn)}</td>
              <td>{formatDay(inv.dueOn)}</td>
              <td className="num">{formatMoney(inv.amount)}</td>
              <td className="num">{formatMoney(inv.paid)}</td>
              <td>{PAYMENT_STATUS[inv.paymentStatus] ?? inv.paymentStatus}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActRequest({
  finance,
  period,
  result,
}: Pick<Route.ComponentProps["loaderData"], "period"> & {
  finance: FinanceSummary;
  result: Route.ComponentProps["actionData"];
}) {
  const busy = useNavigation().state === "submitting";
  const r = finance.actRequest;
  const latest = finance.acts[0];
  return (
    <section className="card finance-card" aria-labelledby="act-title" id="act">
      <h2 id="act-title">Акт сверки взаимных расчётов</h2>
      {r.rule ? <p>{r.rule}.</p> : null}
      {!r.allowedNow && r.nextAllowedAt ? (
        <p className="muted">Следующий запрос возможен {formatDateTime(r.nextAllowedAt)} (МСК).</p>
      ) : null}
      {result?.error ? (
        <p className="alert alert--error" role="alert">
          {result.error}
        </p>
      ) : null}
      {result?.act ? (
        <p className="alert alert--success" role="status">
          Акт сверки за {formatDay(result.act.from)} — {formatDay(result.act.to)} сформирован.{" "}
          <ActLinks act={result.act} />
        </p>
      ) : null}
      <Form method="post" className="act-form">
        <div className="field">
          <label htmlFor="act-from">Период с</label>
          <input
            id="act-from"
            name="from"
            type="text"
            inputMode="numeric"
            placeholder="ДД.ММ.ГГГГ"
            defaultValue={formatDay(period.from)}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="act-to">по</label>
          <input
            id="act-to"
            name="to"
            type="text"
            inputMode="numeric"
            placeholder="ДД.ММ.ГГГГ"
            defaultValue={formatDay(period.to)}
            required
          />
        </div>
        {finance.contracts.length > 1 ? (
          <div className="field">
            <label htmlFor="act-contract">Договор</label>
            <select id="act-contract" name="contractId" defaultValue="">
              <option value="">все договоры</option>
              {finance.contracts.map((c) => (
                <option key={c.id} value={c.id}>
                  № {c.number}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <button type="submit" className="button button--primary" disabled={busy}>
            Запросить акт сверки
          </button>
        </div>
      </Form>
      {latest && !result?.act ? (
        <p>
          Последний акт: за {formatDay(latest.from)} — {formatDay(latest.to)}, запрошен{" "}
          {formatDateTime(latest.requestedAt)}. <ActLinks act={latest} />
        </p>
      ) : null}
    </section>
  );
}

export default function Finance({ loaderData, actionData }: Route.ComponentProps) {
  const { finance, period, denied } = loaderData;
  if (!finance) {
    return (
      <>
        <h1>Финансы</h1>
        <p className="alert alert--error" role="alert">
          {denied}. Право выдаёт администратор вашей компании.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Финансы</h1>
      <div className="finance-summary">
        <div className="card">
          <h2 className="finance-summary__label">Сальдо по всем договорам</h2>
          <p className="finance-summary__value">{formatMoney(finance.balance)}</p>
          <p className="muted">{balanceMeaning(finance.balance)}; положительное сальдо — долг дилера</p>
        </div>
        <div className="card">
          <h2 className="finance-summary__label">Просроченная задолженность</h2>
          <p className={`finance-summary__value${finance.overdueDebt.amount > 0 ? " finance-overdue" : ""}`}>
            {formatMoney(finance.overdueDebt)}
          </p>
          <p className="muted">
            {finance.overdueDebt.amount > 0 ? "срок оплаты прошёл" : "просроченной задолженности нет"}
          </p>
        </div>
      </div>
      <ActRequest finance={finance} period={period} result={actionData} />
      <Contracts finance={finance} />
      <section aria-labelledby="invoices-title">
        <h2 id="invoices-title">Счета на оплату</h2>
        <Invoices finance={finance} />
      </section>
    </>
  );
}
