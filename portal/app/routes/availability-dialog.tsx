import { useEffect, useRef } from "react";
import { useFetcher } from "react-router";
import { formatDateTime, formatNumber } from "../lib/format";
import type { loader } from "./product-availability";
import "./availability.css";

const day = new Intl.DateTimeFormat("ru-RU", { dateStyle: "long", timeZone: "UTC" });
const formatDay = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));

/**
 * «Наличие и сроки»: a native dialog (Esc closes it, focus stays inside) with stock per warehouse,
 * the lead-time calculator for a quantity, distributors' stock and «Сообщить о поступлении».
 */
export function AvailabilityDialog({ productId, unit }: { productId: string; unit: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const data = useFetcher<typeof loader>();
  const subscribe = useFetcher();
  const href = `/products/${encodeURIComponent(productId)}/availability`;

  const open = () => {
    dialog.current?.showModal();
    if (data.state === "idle" && !data.data) data.load(href);
  };
  // After «Сообщить о поступлении» the state is read again.
  useEffect(() => {
    if (subscribe.state === "idle" && subscribe.data) data.load(href);
  }, [subscribe.state, subscribe.data, data.load, href]);

  const d = data.data;
  const total = d?.product.stock.reduce((s, w) => s + w.available, 0) ?? 0;
  return (
    <>
      <button type="button" className="button" onClick={open}>
        Наличие и сроки
      </button>
      <dialog ref={dialog} aria-labelledby="availability-h" className="availability">
        <h2 id="availability-h">Наличие и сроки поставки</h2>
        {!d ? (
          <p aria-live="polite">Загрузка…</p>
        ) : (
          <>
            <table className="table">
              <caption className="visually-hidden">Наличие на складах</caption>
              <thead>
                <tr>
                  <th scope="col">Склад</th>
                  <th scope="col" className="num">
                    Доступно, {unit}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.product.stock.map((s) => (
                  <tr key={s.warehouse.id}>
                    <td>
                      {s.warehouse.name} ({s.warehouse.city})
                    </td>
                    <td className="num">{s.display}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.leadTimesAvailable ? (
              <data.Form method="get" action={href} className="lead-time-form">
                <label>
                  Количество, {unit}
                  <input
                    type="number"
                    name="quantity"
                    min={1}
                    step={1}
                    required
                    defaultValue={d.quantity ?? d.product.packMultiple}
                  />
                </label>
                <button type="submit" className="button button--primary">
                  Рассчитать срок
                </button>
                {d.product.packMultiple > 1 ? (
                  <span className="muted">
                    кратность упаковки {d.product.packMultiple} {unit}
                  </span>
                ) : null}
              </data.Form>
            ) : null}
            {d.problem ? <p role="alert">{d.problem}</p> : null}
            {d.leadTimes ? (
              <table className="table" aria-live="polite">
                <caption>
                  Срок готовности {formatNumber(d.leadTimes[0]?.quantity ?? 0)} {unit} (с учётом упаковки)
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Склад</th>
                    <th scope="col">Срок</th>
                    <th scope="col">Готово к отгрузке</th>
                  </tr>
                </thead>
                <tbody>
                  {d.leadTimes.map((l) => (
                    <tr key={l.warehouse.id}>
                      <td>{l.warehouse.name}</td>
                      <td>{l.text}</td>
                      <td>{l.parts.map((p) => formatDay(p.readyDate)).join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {d.product.distributorStock.length > 0 ? (
              <>
                <h3>У дистрибьюторов</h3>
                <ul className="offers">
                  {d.product.distributorStock.map((o) => (
                    <li key={`${o.name}-${o.address}`}>
                      <strong>{o.name}</strong>, {o.address}, {o.contacts}: {formatNumber(o.quantity)} {unit}{" "}
                      <span className="muted">на {formatDateTime(o.uploadedAt)}</span>
                      {o.link ? (
                        <>
                          {" "}
                          <a href={o.link} rel="noopener noreferrer" target="_blank">
                            на сайте дистрибьютора
                          </a>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {total === 0 ? (
              <subscribe.Form method="post" action={href}>
                <input type="hidden" name="intent" value={d.product.restockSubscribed ? "unsubscribe" : "subscribe"} />
                <p>
                  {d.product.restockSubscribed
                    ? "Мы сообщим вам по почте, когда товар поступит. "
                    : "Товара нет в наличии. "}
                  <button type="submit" className="button">
                    {d.product.restockSubscribed ? "Не сообщать" : "Сообщить о поступлении"}
                  </button>
                </p>
              </subscribe.Form>
            ) : null}
          </>
        )}
        <form method="dialog">
          <button type="submit" className="button">
            Закрыть
          </button>
        </form>
      </dialog>
    </>
  );
}
