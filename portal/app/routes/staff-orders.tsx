import { Form, Link, NavLink, useNavigation } from "react-router";
import { ManagerQueueQuery, type ManagerView, TakeOrderMutation } from "../graphql/staff-orders";
import { forbiddenAs403, text } from "../lib/account.server";
import type { FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatMoney } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { FormMessage } from "../ui/field";
import { StatusBadge } from "../ui/status-badge";
import "../ui/staff.css";
import type { Route } from "./+types/staff-orders";

export const meta: Route.MetaFunction = () => [{ title: "Заказы дилеров — Кабинет поставщика" }];

const VIEWS: { view: ManagerView; label: string; hint: string }[] = [
  { view: "MINE", label: "Мои", hint: "Заказы, которые вы взяли в работу." },
  { view: "POOL", label: "Пул", hint: "Заказы без менеджера: первый, кто возьмет, ведет заказ." },
  { view: "ALL", label: "Все", hint: "Все отправленные заказы поставщика." },
];

const viewOf = (request: Request): ManagerView => {
  const v = new URL(request.url).searchParams.get("view")?.toUpperCase();
  return v === "POOL" || v === "ALL" ? v : "MINE";
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const view = viewOf(request);
  return withAuth(request, context, async ({ client }) => ({
    view,
    ...(await forbiddenAs403(query(client, ManagerQueueQuery, { view }))),
  }));
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const r = (await mutate(client, TakeOrderMutation, { id: text(form, "orderId") })).takeOrder;
    return r.__typename === "Order" ? { ok: `Заказ № ${text(form, "number")} взят в работу` } : { error: r.message };
  });
}

export default function StaffOrders({ loaderData, actionData }: Route.ComponentProps) {
  const { view, orders, mine, pool, viewer } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const counts: Partial<Record<ManagerView, number>> = { MINE: mine.length, POOL: pool.length };
  const current = VIEWS.find((v) => v.view === view);
  return (
    <>
      <h1>Заказы дилеров</h1>
      <nav className="queue-tabs" aria-label="Очередь заказов">
        {VIEWS.map((v) => (
          <NavLink
            key={v.view}
            to={`?view=${v.view.toLowerCase()}`}
            className={() => (v.view === view ? "queue-tab queue-tab--active" : "queue-tab")}
            aria-current={v.view === view ? "page" : undefined}
            end
          >
            {v.label}
            {counts[v.view] !== undefined ? <span className="queue-tab__count">{counts[v.view]}</span> : null}
          </NavLink>
        ))}
      </nav>
      <p className="muted">{current?.hint}</p>
      <FormMessage ok={s.ok} error={s.error} />
      {orders.length === 0 ? (
        <p>Заказов нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Номер</th>
                <th scope="col">Дилер</th>
                <th scope="col">Отправлен</th>
                <th scope="col" className="num">
                  Сумма
                </th>
                <th scope="col">Статус</th>
                <th scope="col">Менеджер</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/staff/orders/${o.id}`}>№ {o.number}</Link>
                  </td>
                  <td>{o.company ? <Link to={`/staff/dealers/${o.company.id}`}>{o.company.name}</Link> : "—"}</td>
                  <td>{formatDateTime(o.submittedAt ?? o.createdAt)}</td>
                  <td className="num">{formatMoney(o.totals.amount)}</td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td>
                    {o.manager ? (
                      o.manager.id === viewer?.user.id ? (
                        "вы"
                      ) : (
                        o.manager.fullName
                      )
                    ) : (
                      <Form method="post" className="row-actions">
                        <input type="hidden" name="orderId" value={o.id} />
                        <input type="hidden" name="number" value={o.number} />
                        <button type="submit" className="button button--primary" disabled={busy}>
                          Взять № {o.number}
                        </button>
                      </Form>
                    )}
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
