import { Link } from "react-router";
import { PresentationsQuery } from "../graphql/presentations";
import { withAuth } from "../lib/auth.server";
import { formatDay } from "../lib/finance";
import { formatDateTime, formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import { PresentationStatusBadge } from "../ui/presentation-status";
import type { Route } from "./+types/dealer-presentations";

export const meta: Route.MetaFunction = () => [{ title: "Презентации — Кабинет дилера" }];

/** The presentations the company's managers sent it, newest first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { presentations } = await query(client, PresentationsQuery, {});
    return { presentations };
  });
}

export default function DealerPresentations({ loaderData }: Route.ComponentProps) {
  const { presentations } = loaderData;
  return (
    <>
      <h1>Презентации</h1>
      <p>Персональные предложения вашего менеджера: товары со скидкой и розничными ценами.</p>
      {presentations.length === 0 ? (
        <p>Менеджер ещё не присылал презентаций.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Презентации</caption>
            <thead>
              <tr>
                <th scope="col">Название</th>
                <th scope="col">Получена</th>
                <th scope="col" className="num">
                  Товаров
                </th>
                <th scope="col" className="num">
                  Скидка
                </th>
                <th scope="col">Цены действуют до</th>
                <th scope="col">Статус</th>
              </tr>
            </thead>
            <tbody>
              {presentations.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/presentations/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.sentAt ? formatDateTime(p.sentAt) : "—"}</td>
                  <td className="num">{p.lines.length}</td>
                  <td className="num">{formatPercent(p.discountPercent)}</td>
                  <td>{formatDay(p.validUntil)}</td>
                  <td>
                    <PresentationStatusBadge status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
