import { Link } from "react-router";
import { OrdersPageQuery } from "../graphql/orders";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatMoney } from "../lib/format";
import { query } from "../lib/gateway.server";
import { StatusBadge } from "../ui/status-badge";
import type { Route } from "./+types/orders";

export const meta: Route.MetaFunction = () => [{ title: "Заказы — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => query(client, OrdersPageQuery, {}));
}

export default function Orders({ loaderData }: Route.ComponentProps) {
  const { submitted, drafts } = loaderData;
  return (
    <>
      <h1>Заказы</h1>
      <section aria-labelledby="orders-title">
        <h2 id="orders-title">Отправленные заказы</h2>
        {submitted.length === 0 ? (
          <p>Отправленных заказов пока нет.</p>
        ) : (
          <div className="table-wrap">
            <table className="table orders">
              <thead>
                <tr>
                  <th scope="col">Номер</th>
                  <th scope="col">Дата и время</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Статус</th>
                  <th scope="col">Документы</th>
                </tr>
              </thead>
              <tbody>
                {submitted.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/orders/${o.id}`}>№ {o.number}</Link>
                    </td>
                    <td>{formatDateTime(o.submittedAt ?? o.createdAt)}</td>
                    <td className="num">{formatMoney(o.totals.amount)}</td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td>
                      {o.documents.length === 0 ? (
                        <span className="muted">пока нет</span>
                      ) : (
                        <ul className="docs">
                          {o.documents.map((d) => (
                            <li key={d.type.code}>{d.type.label}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="drafts-title">
        <h2 id="drafts-title">Черновики</h2>
        {drafts.length === 0 ? (
          <p>
            Черновиков нет. Добавьте товары из <Link to="/catalog">каталога</Link>.
          </p>
        ) : (
          <div className="table-wrap">
            <table className="table drafts">
              <thead>
                <tr>
                  <th scope="col">Название</th>
                  <th scope="col">Создан</th>
                  <th scope="col" className="num">
                    Позиций
                  </th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Действие</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {drafts.map((d) => (
                  <tr key={d.id}>
                    <td>{d.name || "Без названия"}</td>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td className="num">{d.totals.positions}</td>
                    <td className="num">{formatMoney(d.totals.amount)}</td>
                    <td>
                      <Link to={`/drafts/${d.id}`} className="button">
                        Открыть<span className="visually-hidden"> черновик «{d.name || "Без названия"}»</span>
                      </Link>
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
