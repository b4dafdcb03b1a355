import { Link, useLocation } from "react-router";
import { ProductReadinessQuery } from "../graphql/shipments";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatMoney, formatNumber } from "../lib/format";
import { query } from "../lib/gateway.server";
import { formatIsoDate, readinessFilter } from "../lib/readiness";
import { ReportFilter } from "../ui/report-filter";
import { ReportTabs } from "../ui/report-tabs";
import type { Route } from "./+types/reports-products";

export const meta: Route.MetaFunction = () => [{ title: "Готовность продукции к отгрузке — Кабинет дилера" }];

/** «Готовность продукции к отгрузке»: each line's status, guaranteed and ready dates, warehouse. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const filter = readinessFilter(new URL(request.url).searchParams);
    const r = (await query(client, ProductReadinessQuery, { filter })).productReadiness;
    return {
      filter,
      lines: r.__typename === "ProductReadinessReport" ? r.lines : [],
      error: r.__typename === "ReadinessFilterError" ? r.message : null,
      at: new Date().toISOString(),
    };
  });
}

export default function ProductReadinessReport({ loaderData }: Route.ComponentProps) {
  const { filter, lines, error, at } = loaderData;
  const { search } = useLocation();
  const total = lines.reduce((s, l) => s + l.amount.amount, 0);
  const pieces = lines.reduce((s, l) => s + l.quantity, 0);
  return (
    <>
      <h1>Отчеты</h1>
      <ReportTabs current="/reports/products" />
      <h2>Готовность продукции к отгрузке</h2>
      <p className="muted">Информация актуальна на момент {formatDateTime(at)}</p>
      <details className="card">
        <summary>Статусы позиций в заказе</summary>
        <ul>
          <li>В обработке: ожидает принятия поставщиком</li>
          <li>В производстве: продукция производится</li>
          <li>В пути: продукция направлена на склад для последующей отгрузки</li>
          <li>На складе: готово к отгрузке</li>
        </ul>
      </details>
      <ReportFilter filter={filter} withStatuses />
      <p className="report-actions">
        <a href={`/reports/products/export.xlsx${search}`} download className="button">
          Скачать в Excel
        </a>
      </p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p>Позиций не найдено.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Готовность продукции к отгрузке</caption>
              <thead>
                <tr>
                  <th scope="col">Заказ</th>
                  <th scope="col">Наименование</th>
                  <th scope="col">Артикул</th>
                  <th scope="col" className="num">
                    Кол-во
                  </th>
                  <th scope="col" className="num">
                    Стоимость
                  </th>
                  <th scope="col">Статус</th>
                  <th scope="col">Гарантированная дата</th>
                  <th scope="col">Дата готовности к отгрузке</th>
                  <th scope="col">Склад</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={`${l.order.id}-${l.article}`}>
                    <td>
                      <Link to={`/orders/${l.order.id}`}>№ {l.number}</Link>
                    </td>
                    <td>{l.name}</td>
                    <td className="mono">{l.article}</td>
                    <td className="num">{formatNumber(l.quantity)}</td>
                    <td className="num">{formatMoney(l.amount)}</td>
                    <td>
                      <span className={`line-status line-status--${l.status.toLowerCase()}`}>{l.statusLabel}</span>
                    </td>
                    <td>{formatIsoDate(l.guaranteedDate)}</td>
                    <td>{formatIsoDate(l.readyDate)}</td>
                    <td>{l.warehouse?.name ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="report-totals">
            <span>Итого: {formatMoney({ amount: total, currency: lines[0]?.amount.currency ?? "RUB" })}</span>
            <span>Всего {formatNumber(pieces)} шт.</span>
          </p>
        </>
      )}
    </>
  );
}
