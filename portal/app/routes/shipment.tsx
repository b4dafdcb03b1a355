import { data, Link } from "react-router";
import { ShipmentQuery } from "../graphql/shipments";
import { withAuth } from "../lib/auth.server";
import { formatMoney, formatNumber } from "../lib/format";
import { query } from "../lib/gateway.server";
import { formatIsoDate } from "../lib/readiness";
import "../ui/reports.css";
import type { Route } from "./+types/shipment";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Накладная № ${data?.shipment.number ?? ""} — Кабинет дилера` },
];

/** One waybill: the link in «Уведомление об отгрузке товаров» leads here. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { shipment } = await query(client, ShipmentQuery, { id: params.id });
    if (!shipment) throw data("Накладная не найдена", { status: 404 });
    return { shipment };
  });
}

export default function Shipment({ loaderData }: Route.ComponentProps) {
  const { shipment: s } = loaderData;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/shipments">Отгрузки</Link>
      </p>
      <h1>
        Накладная № {s.number} от {formatIsoDate(s.date)}
      </h1>
      <dl className="waybill-facts card">
        <dt>Сумма</dt>
        <dd>{s.amount ? formatMoney(s.amount) : "—"}</dd>
        <dt>Грузополучатель</dt>
        <dd>{s.consignee || "—"}</dd>
        <dt>Адрес доставки</dt>
        <dd>{s.address || "—"}</dd>
        <dt>Способ доставки</dt>
        <dd>{s.deliveryMethod || "—"}</dd>
      </dl>
      <div className="table-wrap">
        <table className="table">
          <caption>Состав накладной</caption>
          <thead>
            <tr>
              <th scope="col">Заказ</th>
              <th scope="col">Артикул</th>
              <th scope="col">Наименование</th>
              <th scope="col" className="num">
                Количество
              </th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr key={`${l.orderId}-${l.product.id}`}>
                <td>
                  <Link to={`/orders/${l.order.id}`}>№ {l.order.number}</Link>
                </td>
                <td className="mono">{l.product.article}</td>
                <td>{l.product.name}</td>
                <td className="num">
                  {formatNumber(l.quantity)} {l.product.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
