import { Link } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { PresentationsQuery } from "../graphql/presentations";
import { withAuth } from "../lib/auth.server";
import { formatDay } from "../lib/finance";
import { formatDateTime, formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import { isStaff } from "../ui/account-nav";
import { PresentationStatusBadge } from "../ui/presentation-status";
import type { Route } from "./+types/staff-presentations";

export const meta: Route.MetaFunction = () => [{ title: "Презентации — Кабинет поставщика" }];

/** Staff: the tenant's presentations (drafts and sent ones), newest first. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    if (!viewer.tenant.presentationsEnabled) throw new Response("Презентации не используются", { status: 404 });
    const { presentations } = await query(client, PresentationsQuery, {});
    return { presentations };
  });
}

export default function StaffPresentations({ loaderData }: Route.ComponentProps) {
  const { presentations } = loaderData;
  return (
    <>
      <h1>Презентации</h1>
      <p>
        Персональное предложение дилеру: товары, количество, скидка и розничные цены. После отправки дилер получает
        письмо со ссылкой, а цены предложения действуют для его компании до указанного дня.
      </p>
      <p>
        <Link to="/staff/presentations/new" className="button button--primary">
          Новая презентация
        </Link>
      </p>
      {presentations.length === 0 ? (
        <p>Презентаций пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Презентации</caption>
            <thead>
              <tr>
                <th scope="col">Название</th>
                <th scope="col">Дилер</th>
                <th scope="col" className="num">
                  Товаров
                </th>
                <th scope="col" className="num">
                  Скидка
                </th>
                <th scope="col">Действует до</th>
                <th scope="col">Статус</th>
                <th scope="col">Отправлена</th>
              </tr>
            </thead>
            <tbody>
              {presentations.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/staff/presentations/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.company.name}</td>
                  <td className="num">{p.lines.length}</td>
                  <td className="num">{formatPercent(p.discountPercent)}</td>
                  <td>{formatDay(p.validUntil)}</td>
                  <td>
                    <PresentationStatusBadge status={p.status} />
                  </td>
                  <td>{p.sentAt ? formatDateTime(p.sentAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
