import { Form, Link, redirect } from "react-router";
import { SetShipmentNotificationsMutation, ShipmentNotificationsQuery, ShipmentsQuery } from "../graphql/shipments";
import { commitSession, withAuth } from "../lib/auth.server";
import { formatMoney } from "../lib/format";
import { ForbiddenError, mutate, query } from "../lib/gateway.server";
import { formatIsoDate } from "../lib/readiness";
import { ReportTabs } from "../ui/report-tabs";
import type { Route } from "./+types/shipments";

export const meta: Route.MetaFunction = () => [{ title: "Отгрузки — Кабинет дилера" }];

/** Shipments (waybills): a dealer's company's, staff the tenant's; a dealer's «Уведомлять об отгрузках». */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const [{ shipments }, notifications] = await Promise.all([
      query(client, ShipmentsQuery, {}),
      // Staff act for no company: they have no subscription to show.
      query(client, ShipmentNotificationsQuery, {}).then(
        (r) => r.shipmentNotifications,
        (error: unknown) => {
          if (error instanceof ForbiddenError) return null;
          throw error;
        },
      ),
    ]);
    return { shipments, notifications };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    const enabled = form.get("enabled") === "true";
    await mutate(client, SetShipmentNotificationsMutation, { enabled });
    session.flash("notice", enabled ? "Уведомления об отгрузках включены" : "Уведомления об отгрузках отключены");
    throw redirect("/shipments", { headers: { "Set-Cookie": await commitSession(session, context) } });
  });
}

export default function Shipments({ loaderData }: Route.ComponentProps) {
  const { shipments, notifications } = loaderData;
  return (
    <>
      <h1>Отгрузки</h1>
      {notifications === null ? null : (
        <>
          <ReportTabs current="/shipments" />
          <Form method="post" className="report-actions card">
            <input type="hidden" name="enabled" value={notifications ? "false" : "true"} />
            <p>
              {notifications
                ? "Вы получаете письма «Уведомление об отгрузке товаров» о новых накладных."
                : "Письма о новых накладных вам не приходят."}
            </p>
            <button type="submit" className="button">
              {notifications ? "Не уведомлять об отгрузках" : "Уведомлять об отгрузках"}
            </button>
          </Form>
        </>
      )}
      {shipments.length === 0 ? (
        <p>Отгрузок пока нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Накладные</caption>
            <thead>
              <tr>
                <th scope="col">Накладная</th>
                <th scope="col">Дата</th>
                <th scope="col">Грузополучатель</th>
                <th scope="col">Способ доставки</th>
                <th scope="col" className="num">
                  Заказов
                </th>
                <th scope="col" className="num">
                  Сумма
                </th>
              </tr>
            </thead>
            <tbody>
              {shipments.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/shipments/${s.id}`}>№ {s.number}</Link>
                  </td>
                  <td>{formatIsoDate(s.date)}</td>
                  <td>{s.consignee || "—"}</td>
                  <td>{s.deliveryMethod || "—"}</td>
                  <td className="num">{s.orderIds.length}</td>
                  <td className="num">{s.amount ? formatMoney(s.amount) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
