import { useId } from "react";
import { Form } from "react-router";
import type { ReadinessFilter } from "../graphql/shipments";
import { LINE_STATUSES } from "../lib/readiness";

/** «Фильтр» of a readiness report: order number, period, statuses (product readiness), only what is left to ship. */
export function ReportFilter({ filter, withStatuses }: { filter: ReadinessFilter; withStatuses: boolean }) {
  const id = useId();
  return (
    <Form method="get" className="report-filter card" role="search" aria-label="Фильтр">
      <div className="field">
        <label htmlFor={`${id}-q`}>Номер заказа</label>
        <input id={`${id}-q`} name="q" type="search" defaultValue={filter.search ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Заказы с</label>
        <input id={`${id}-from`} name="from" type="date" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>по</label>
        <input id={`${id}-to`} name="to" type="date" defaultValue={filter.to ?? ""} />
      </div>
      {withStatuses ? (
        <fieldset>
          <legend>Статус</legend>
          {LINE_STATUSES.map((s) => (
            <label key={s.value} className="checkbox">
              <input
                type="checkbox"
                name="status"
                value={s.value}
                defaultChecked={filter.statuses?.includes(s.value) ?? false}
              />{" "}
              {s.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" name="open" value="1" defaultChecked={filter.openOnly ?? false} /> Только неотгруженное
      </label>
      <button type="submit" className="button">
        Показать
      </button>
    </Form>
  );
}
