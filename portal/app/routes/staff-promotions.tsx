import { Link } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { StaffPromotionsQuery } from "../graphql/promotions-admin";
import { withAuth } from "../lib/auth.server";
import { formatDay } from "../lib/finance";
import { query } from "../lib/gateway.server";
import { isStaff } from "../ui/account-nav";
import type { Route } from "./+types/staff-promotions";

export const meta: Route.MetaFunction = () => [{ title: "Акции — Кабинет поставщика" }];

/** Staff: every promotion of the tenant (past, current, future), with its audience and partners. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer || !isStaff(viewer)) throw new Response("Только для сотрудников поставщика", { status: 403 });
    return query(client, StaffPromotionsQuery, {});
  });
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());

export default function StaffPromotions({ loaderData }: Route.ComponentProps) {
  const { allPromotions, dealerCompanies } = loaderData;
  const names = new Map(dealerCompanies.map((c) => [c.id, c.name]));
  const day = today();
  return (
    <>
      <h1>Акции</h1>
      <p>Акции для всех дилеров или индивидуальные — только для выбранных партнёров; дилеры видят их в свой период.</p>
      <p>
        <Link to="/staff/promotions/new" className="button button--primary">
          Новая акция
        </Link>
      </p>
      {allPromotions.length === 0 ? (
        <p>Акций пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Акции</caption>
            <thead>
              <tr>
                <th scope="col">Заголовок</th>
                <th scope="col">Для кого</th>
                <th scope="col">Период</th>
                <th scope="col">Сейчас</th>
              </tr>
            </thead>
            <tbody>
              {allPromotions.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/staff/promotions/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>
                    {p.audience === "ALL"
                      ? "все дилеры"
                      : `партнёры: ${p.companyIds.map((id) => names.get(id) ?? id).join(", ")}`}
                  </td>
                  <td>
                    {p.validUntil
                      ? `${formatDay(p.validFrom)} — ${formatDay(p.validUntil)}`
                      : `с ${formatDay(p.validFrom)}`}
                  </td>
                  <td>
                    {p.validFrom > day
                      ? "ещё не началась"
                      : p.validUntil !== null && p.validUntil < day
                        ? "закончилась"
                        : "действует"}
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
