import { Fragment } from "react";
import { Link, useLocation } from "react-router";
import { OrderReadinessQuery } from "../graphql/shipments";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatNumber } from "../lib/format";
import { query } from "../lib/gateway.server";
import { readinessFilter } from "../lib/readiness";
import { ReportFilter } from "../ui/report-filter";
import { ReportTabs } from "../ui/report-tabs";
import type { Route } from "./+types/reports-orders";

export const meta: Route.MetaFunction = () => [{ title: "Готовность заказов к отгрузке — Кабинет дилера" }];

/** «Готовность заказов к отгрузке»: ordered, left to ship, ready and in shipment per order and line. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const filter = readinessFilter(new URL(request.url).searchParams);
    const r = (await query(client, OrderReadinessQuery, { filter })).orderReadiness;
    return {
      filter,
      orders: r.__typename === "OrderReadinessReport" ? r.orders : [],
      error: r.__typename === "ReadinessFilterError" ? r.message : null,
      at: new Date().toISOString(),
    };
  });
}

export default function OrderReadinessReport({ loaderData }: Route.ComponentProps) {
  const { filter, orders, error, at } = loaderData;
  const { search } = useLocation();
  return (
    <>
      <h1>Отчеты</h1>
      <ReportTabs current="/reports/orders" />
      <h2>Готовность заказов к отгрузке</h2>
      <p className="muted">Информация актуальна на момент {formatDateTime(at)}</p>
      <ReportFilter filter={filter} withStatuses={false} />
      <p className="report-actions">
        <a href={`/reports/orders/export.xlsx${search}`} download className="button">
          Скачать в Excel
        </a>
      </p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      {orders.length === 0 ? (
        <p>Заказов с данными о готовности нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Готовность заказов к отгрузке</caption>
            <thead>
              <tr>
                <th scope="col">Заказ / товар</th>
                <th scope="col">Артикул</th>
                <th scope="col" className="num">
                  Заказано
                </th>
                <th scope="col" className="num">
                  Осталось отгрузить
                </th>
                <th scope="col" className="num">
                  Готово к отгрузке
                </th>
                <th scope="col" className="num">
                  В отгрузке
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <Fragment key={o.order.id}>
                  <tr className="report-order">
                    <th scope="row" colSpan={2}>
                      <Link to={`/orders/${o.order.id}`}>Заказ № {o.number}</Link>
                      {o.submittedAt ? <span className="muted"> от {formatDateTime(o.submittedAt)}</span> : null}
                    </th>
                    <td className="num">{formatNumber(o.ordered)}</td>
                    <td className="num">{formatNumber(o.leftToShip)}</td>
                    <td className="num">{formatNumber(o.ready)}</td>
                    <td className="num">{formatNumber(o.inShipment)}</td>
                  </tr>
                  {o.lines.map((l) => (
                    <tr key={l.product.id} className="report-line">
                      <td>{l.name}</td>
                      <td className="mono">{l.article}</td>
                      <td className="num">{formatNumber(l.ordered)}</td>
                      <td className="num">{formatNumber(l.leftToShip)}</td>
                      <td className="num">{formatNumber(l.ready)}</td>
                      <td className="num">{formatNumber(l.inShipment)}</td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
