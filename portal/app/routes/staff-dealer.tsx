import { Link } from "react-router";
import { DealerActivityQuery, DealerCardQuery } from "../graphql/dealer-card";
import { forbiddenAs403 } from "../lib/account.server";
import { isoToRuDate } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatMoney, formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import { rightLabel, STATUS_LABELS } from "../ui/rights";
import { StatusBadge } from "../ui/status-badge";
import "../ui/staff.css";
import type { Route } from "./+types/staff-dealer";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.card.company.name ?? "Дилер"} — Кабинет поставщика` },
];

/** Identity decides who may open the card; only then are finance, catalog and orders asked. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const r = await forbiddenAs403(query(client, DealerCardQuery, { id: params.companyId }));
    const card = r.dealerCard;
    if (card.__typename === "AccountError")
      throw new Response(card.message, { status: card.code === "FORBIDDEN" ? 403 : 404 });
    const activity = await forbiddenAs403(query(client, DealerActivityQuery, { id: params.companyId }));
    return { card, rights: r.rights, ...activity };
  });
}

const TERMS: Record<string, string> = { PREPAYMENT: "предоплата", DEFERRAL: "отсрочка" };
const ROLES: Record<string, string> = { dealer_admin: "администратор дилера", dealer: "пользователь" };

/** The dealer card: company, legal entities, logins and rights, manager, money, discounts, orders, history. */
export default function StaffDealer({ loaderData }: Route.ComponentProps) {
  const { card, rights, companyContracts, creditStatus, companyDiscounts, companyOrders } = loaderData;
  return (
    <>
      <h1>{card.company.name}</h1>
      <dl className="facts">
        <dt>Персональный менеджер</dt>
        <dd>
          {card.personalManager
            ? `${card.personalManager.fullName} (${card.personalManager.email})`
            : "нет — заказы идут в общий пул"}
        </dd>
        <dt>Баланс</dt>
        <dd>{formatMoney(creditStatus.balance)}</dd>
        <dt>Просроченная задолженность</dt>
        <dd>{formatMoney(creditStatus.overdueDebt)}</dd>
        <dt>Доступный кредит</dt>
        <dd>{creditStatus.available ? formatMoney(creditStatus.available) : "без лимита"}</dd>
      </dl>

      <section aria-labelledby="ctp-title" className="section">
        <h2 id="ctp-title">Контрагенты</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Юрлицо</th>
                <th scope="col">ИНН</th>
                <th scope="col">КПП</th>
                <th scope="col">Адрес</th>
              </tr>
            </thead>
            <tbody>
              {card.company.counterparties.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.inn}</td>
                  <td>{c.kpp ?? "—"}</td>
                  <td>{c.address ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="users-title" className="section">
        <h2 id="users-title">Пользователи и права</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Пользователь</th>
                <th scope="col">Роль</th>
                <th scope="col">Статус</th>
                <th scope="col">Права</th>
                <th scope="col">Менеджер</th>
              </tr>
            </thead>
            <tbody>
              {card.users.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.fullName}
                    <br />
                    <span className="muted">{u.email}</span>
                  </td>
                  <td>{ROLES[u.role] ?? u.role}</td>
                  <td>{STATUS_LABELS[u.status] ?? u.status}</td>
                  <td>{u.permissions.map((p) => rightLabel(rights, p)).join(", ") || "—"}</td>
                  <td>{u.manager?.fullName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="contracts-title" className="section">
        <h2 id="contracts-title">Договоры и расчеты</h2>
        {companyContracts.length === 0 ? (
          <p className="muted">Договоров нет.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Договор</th>
                  <th scope="col">Подписан</th>
                  <th scope="col">Оплата</th>
                  <th scope="col">Кредитный лимит</th>
                  <th scope="col">Сальдо</th>
                  <th scope="col">Просрочено</th>
                </tr>
              </thead>
              <tbody>
                {companyContracts.map((c) => (
                  <tr key={c.id}>
                    <td>№ {c.number}</td>
                    <td>{isoToRuDate(c.signedOn)}</td>
                    <td>
                      {TERMS[c.paymentTerms] ?? c.paymentTerms}
                      {c.deferralDays > 0 ? `, ${c.deferralDays} дн.` : ""}
                    </td>
                    <td>{c.creditLimit ? formatMoney(c.creditLimit) : "—"}</td>
                    <td>{formatMoney(c.balance)}</td>
                    <td>{formatMoney(c.overdueDebt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="discounts-title" className="section">
        <h2 id="discounts-title">Скидки по ценовым группам</h2>
        {companyDiscounts.length === 0 ? (
          <p className="muted">Скидок нет.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Ценовая группа</th>
                  <th scope="col">Скидка</th>
                  <th scope="col">Действует</th>
                </tr>
              </thead>
              <tbody>
                {companyDiscounts.map((d) => (
                  <tr key={`${d.priceGroup}-${d.validFrom}`}>
                    <td>{d.priceGroup}</td>
                    <td>{formatPercent(d.discountPercent)}</td>
                    <td>
                      с {isoToRuDate(d.validFrom)}
                      {d.validUntil ? ` по ${isoToRuDate(d.validUntil)}` : ""}
                      {d.active ? "" : " (не действует сегодня)"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="orders-title" className="section">
        <h2 id="orders-title">Последние заказы</h2>
        {companyOrders.length === 0 ? (
          <p className="muted">Заказов нет.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">№</th>
                  <th scope="col">Отправлен</th>
                  <th scope="col">Статус</th>
                  <th scope="col">Сумма</th>
                </tr>
              </thead>
              <tbody>
                {companyOrders.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/staff/orders/${o.id}`}>{o.number}</Link>
                    </td>
                    <td>{o.submittedAt ? formatDateTime(o.submittedAt) : "—"}</td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td>{formatMoney(o.totals.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="history-title" className="section">
        <h2 id="history-title">История</h2>
        {card.history.length === 0 ? (
          <p className="muted">Событий нет.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Когда</th>
                  <th scope="col">Кто</th>
                  <th scope="col">Действие</th>
                  <th scope="col">Объекты</th>
                </tr>
              </thead>
              <tbody>
                {card.history.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt)}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.objects
                        .map((o) => o.label)
                        .filter(Boolean)
                        .join("; ") || "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
