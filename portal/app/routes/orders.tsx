import { useId } from "react";
import { data, Form, Link, redirect } from "react-router";
import { DeleteDraftMutation, OrderListQuery, SetActiveDraftMutation } from "../graphql/orders";
import { commitSession, withAuth } from "../lib/auth.server";
import { formatDateTime, formatMoney } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { orderErrorText } from "../lib/order-errors";
import { StatusBadge } from "../ui/status-badge";
import type { Route } from "./+types/orders";
import "../ui/orders.css";

export const meta: Route.MetaFunction = () => [{ title: "Заказы — Кабинет дилера" }];

/** The orders page: the tenant's tabs with counts, one tab's orders, search by numbers and a period. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const url = new URL(request.url);
    const param = (name: string) => url.searchParams.get(name)?.trim() || null;
    const first = await query(client, OrderListQuery, { filter: {} });
    const tabs = first.orderTabCounts;
    const tab = param("tab") ?? tabs.find((t) => t.tab.kind === "statuses")?.tab.code ?? null;
    const filter = { tab, search: param("q"), from: param("from"), to: param("to") };
    const page = await query(client, OrderListQuery, { filter });
    const list = page.orderList;
    return {
      tabs: page.orderTabCounts,
      filter,
      orders: list.__typename === "OrderList" ? list.orders : [],
      error: list.__typename === "OrderError" ? orderErrorText(list) : null,
      activeDraftId: page.activeDraft?.id ?? null,
    };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    const orderId = String(form.get("orderId") ?? "");
    const back = String(form.get("back") ?? "/orders");
    if (form.get("intent") === "activate") {
      const r = (await mutate(client, SetActiveDraftMutation, { orderId })).setActiveDraft;
      if (r.__typename === "OrderError") return data({ error: orderErrorText(r) }, { status: 422 });
      session.set("activeDraftId", orderId);
      session.flash("notice", `Активный черновик: ${r.name || "без названия"}`);
    } else if (form.get("intent") === "delete") {
      const r = (await mutate(client, DeleteDraftMutation, { orderId })).deleteDraft;
      if (r.__typename === "OrderError") return data({ error: orderErrorText(r) }, { status: 422 });
      if (session.get("activeDraftId") === orderId) session.unset("activeDraftId");
      session.flash("notice", "Черновик удален");
    } else {
      return data({ error: "Неизвестное действие." }, { status: 400 });
    }
    throw redirect(back.startsWith("/orders") ? back : "/orders", {
      headers: { "Set-Cookie": await commitSession(session, context) },
    });
  });
}

export default function Orders({ loaderData, actionData }: Route.ComponentProps) {
  const { tabs, filter, orders, error, activeDraftId } = loaderData;
  const current = tabs.find((t) => t.tab.code === filter.tab)?.tab;
  const drafts = current?.kind === "drafts";
  const searchId = useId();
  const fromId = useId();
  const toId = useId();
  const back = `/orders?${new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]))}`;
  const link = (tab: string) => `/orders?tab=${encodeURIComponent(tab)}`;

  return (
    <>
      <h1>Заказы</h1>
      <p>
        <Link to="/orders/brands">Заказы и корзины всех брендов</Link>
      </p>
      <nav aria-label="Вкладки заказов" className="order-tabs">
        <ul>
          {tabs.map((t) => (
            <li key={t.tab.code}>
              <Link to={link(t.tab.code)} aria-current={t.tab.code === filter.tab ? "page" : undefined}>
                {t.tab.label} <span className="order-tabs__count">{t.count}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" className="order-search card" role="search">
        <input type="hidden" name="tab" value={filter.tab ?? ""} />
        <div className="field">
          <label htmlFor={searchId}>Номер заказа, номер в 1С или ваш номер</label>
          <input id={searchId} name="q" type="search" defaultValue={filter.search ?? ""} />
        </div>
        <div className="field">
          <label htmlFor={fromId}>С</label>
          <input id={fromId} name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor={toId}>По</label>
          <input id={toId} name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit" className="button">
          Найти
        </button>
      </Form>

      {error || actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {error ?? actionData?.error}
        </p>
      ) : null}

      {orders.length === 0 ? (
        <p>{drafts ? "Черновиков нет. Добавьте товары из каталога." : "Заказов не найдено."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table orders">
            <caption className="visually-hidden">{current?.label ?? "Заказы"}</caption>
            <thead>
              <tr>
                <th scope="col">{drafts ? "Черновик" : "Номер"}</th>
                <th scope="col">{drafts ? "Создан" : "Дата и время"}</th>
                <th scope="col" className="num">
                  Позиций
                </th>
                <th scope="col" className="num">
                  Сумма
                </th>
                <th scope="col">{drafts ? "Действия" : "Статус"}</th>
                {drafts ? null : <th scope="col">Документы</th>}
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    {drafts ? (
                      <Link to={`/drafts/${o.id}`}>{o.name || "Без названия"}</Link>
                    ) : (
                      <>
                        <Link to={`/orders/${o.id}`}>№ {o.number}</Link>
                        {o.erpNumber ? <div className="muted">1С: {o.erpNumber}</div> : null}
                        {o.customerNumber ? <div className="muted">Ваш №: {o.customerNumber}</div> : null}
                      </>
                    )}
                  </td>
                  <td>{formatDateTime(o.submittedAt ?? o.createdAt)}</td>
                  <td className="num">{o.totals.positions}</td>
                  <td className="num">{formatMoney(o.totals.amount)}</td>
                  <td>
                    {drafts ? (
                      <DraftActions id={o.id} name={o.name} active={o.id === activeDraftId} back={back} />
                    ) : (
                      <StatusBadge status={o.status} />
                    )}
                  </td>
                  {drafts ? null : (
                    <td>
                      {o.documents.length === 0 ? (
                        <span className="muted">пока нет</span>
                      ) : (
                        <ul className="docs">
                          {o.documents.map((d) => (
                            <li key={d.type.code}>{d.type.label}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function DraftActions({ id, name, active, back }: { id: string; name: string | null; active: boolean; back: string }) {
  const label = name || "Без названия";
  return (
    <div className="order-actions">
      {active ? (
        <span className="badge">Активный</span>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="activate" />
          <input type="hidden" name="orderId" value={id} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" className="button">
            Сделать активным<span className="visually-hidden"> «{label}»</span>
          </button>
        </Form>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="orderId" value={id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" className="button button--danger">
          Удалить<span className="visually-hidden"> черновик «{label}»</span>
        </button>
      </Form>
    </div>
  );
}
