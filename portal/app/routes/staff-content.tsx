import { Link } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { InfoPagesQuery } from "../graphql/content";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { query } from "../lib/gateway.server";
import { isStaff } from "../ui/account-nav";
import type { Route } from "./+types/staff-content";

export const meta: Route.MetaFunction = () => [{ title: "Полезная информация — Кабинет поставщика" }];

/** Staff: every useful-information page, published or not, in the dealers' order. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    return query(client, InfoPagesQuery, {});
  });
}

export default function StaffContent({ loaderData }: Route.ComponentProps) {
  const { infoPages } = loaderData;
  return (
    <>
      <h1>Полезная информация</h1>
      <p>Страницы в Markdown; дилеры видят опубликованные в разделе «Полезная информация» в этом порядке.</p>
      <p>
        <Link to="/staff/content/new" className="button button--primary">
          Новая страница
        </Link>
      </p>
      {infoPages.length === 0 ? (
        <p>Страниц пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Страницы</caption>
            <thead>
              <tr>
                <th scope="col">Порядок</th>
                <th scope="col">Заголовок</th>
                <th scope="col">Адрес</th>
                <th scope="col">Статус</th>
                <th scope="col">Изменена</th>
              </tr>
            </thead>
            <tbody>
              {infoPages.map((p) => (
                <tr key={p.id}>
                  <td>{p.position}</td>
                  <td>
                    <Link to={`/staff/content/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>/info/{p.slug}</td>
                  <td>{p.published ? "опубликована" : "черновик"}</td>
                  <td>{formatDateTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
