import { data, Form, Link, useNavigation } from "react-router";
import { OrderCheckoutQuery } from "../graphql/checkout";
import {
  CancelOrderMutation,
  FireTransitionMutation,
  StaffCommentMutation,
  StaffLineQuantityMutation,
  StaffOrderQuery,
  TakeOrderMutation,
} from "../graphql/staff-orders";
import { forbiddenAs403, text } from "../lib/account.server";
import type { FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatMoney, formatNumber } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { CheckoutSummary } from "../ui/checkout-summary";
import { FormMessage } from "../ui/field";
import { StatusBadge } from "../ui/status-badge";
import "../ui/staff.css";
import type { Route } from "./+types/staff-order";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Заказ № ${data?.order.number ?? ""} — Кабинет поставщика` },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const r = await forbiddenAs403(query(client, StaffOrderQuery, { id: params.id }));
    if (!r.order) throw data("Заказ не найден", { status: 404 });
    const c = await query(client, OrderCheckoutQuery, { id: params.id });
    return { order: r.order, viewerId: r.viewer?.user.id ?? null, checkout: c.order?.checkout ?? null };
  });
}

type Outcome = { __typename: string; message?: string };
const done = (r: Outcome, ok: string): FormState =>
  r.__typename === "OrderError" ? { error: r.message ?? "Не получилось" } : { ok };

export async function action({ request, context, params }: Route.ActionArgs): Promise<FormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const id = params.id;
    switch (text(form, "intent")) {
      case "take":
        return done((await mutate(client, TakeOrderMutation, { id })).takeOrder, "Заказ взят в работу");
      case "transition": {
        const r = (await mutate(client, FireTransitionMutation, { id, to: text(form, "to") })).fireOrderTransition;
        return done(r, `Статус изменен: ${text(form, "label")}`);
      }
      case "cancel": {
        const r = (await mutate(client, CancelOrderMutation, { id, reason: text(form, "reason") })).cancelOrder;
        return done(r, "Заказ отменен, дилер уведомлен");
      }
      case "quantity": {
        const quantity = Number(text(form, "quantity"));
        if (!Number.isInteger(quantity) || quantity < 1) return { error: "Количество — целое число не меньше 1" };
        const r = await mutate(client, StaffLineQuantityMutation, { id, lineId: text(form, "lineId"), quantity });
        return done(r.setOrderLineQuantity, "Количество изменено, дилер получит обновленный счет");
      }
      case "comment": {
        const r = (await mutate(client, StaffCommentMutation, { id, body: text(form, "body") })).addOrderComment;
        return r.__typename === "OrderError" ? { error: r.message } : { ok: "Комментарий отправлен дилеру" };
      }
      default:
        return { error: "Неизвестное действие" };
    }
  });
}

export default function StaffOrder({ loaderData, actionData }: Route.ComponentProps) {
  const { order, viewerId, checkout } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const editable = order.status.editableBy.includes("manager");
  const moves = order.availableTransitions.filter((t) => !t.cancels);
  const cancellable = order.availableTransitions.some((t) => t.cancels);
  return (
    <>
      <p>
        <Link to="/staff/orders">← Заказы дилеров</Link>
      </p>
      <h1>
        Заказ № {order.number} <StatusBadge status={order.status} />
      </h1>
      <dl className="facts">
        <dt>Дилер</dt>
        <dd>{order.company ? <Link to={`/staff/dealers/${order.company.id}`}>{order.company.name}</Link> : "—"}</dd>
        <dt>Отправлен</dt>
        <dd>{order.submittedAt ? formatDateTime(order.submittedAt) : "—"}</dd>
        <dt>Менеджер</dt>
        <dd>{order.manager ? (order.manager.id === viewerId ? "вы" : order.manager.fullName) : "не назначен (пул)"}</dd>
        {order.comment ? (
          <>
            <dt>Комментарий дилера</dt>
            <dd>{order.comment}</dd>
          </>
        ) : null}
        {order.cancelReason ? (
          <>
            <dt>Причина отмены</dt>
            <dd>{order.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      {checkout ? <CheckoutSummary checkout={checkout} /> : null}
      <FormMessage ok={s.ok} error={s.error} />

      <section className="order-actions" aria-label="Действия с заказом">
        {!order.manager ? (
          <Form method="post">
            <button type="submit" name="intent" value="take" className="button button--primary" disabled={busy}>
              Взять в работу
            </button>
          </Form>
        ) : null}
        {moves.map((t) => (
          <Form method="post" key={t.to.code}>
            <input type="hidden" name="intent" value="transition" />
            <input type="hidden" name="to" value={t.to.code} />
            <input type="hidden" name="label" value={t.to.label} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t.label}
            </button>
          </Form>
        ))}
        {cancellable ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <div className="field">
              <label htmlFor="cancel-reason">Причина отмены</label>
              <input id="cancel-reason" name="reason" required maxLength={1000} />
            </div>
            <button type="submit" className="button button--danger" disabled={busy}>
              Отменить заказ
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="lines-title">
        <h2 id="lines-title">Позиции</h2>
        {editable ? (
          <p className="muted">В этом статусе вы можете менять количество; дилер получит обновленный счет.</p>
        ) : null}
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Артикул</th>
                <th scope="col">Наименование</th>
                <th scope="col" className="num">
                  Количество
                </th>
                <th scope="col" className="num">
                  Цена
                </th>
                <th scope="col" className="num">
                  Сумма
                </th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => (
                <tr key={l.id}>
                  <td>{l.article}</td>
                  <td>{l.name}</td>
                  <td className="num">
                    {editable ? (
                      <Form method="post" className="qty-form">
                        <input type="hidden" name="intent" value="quantity" />
                        <input type="hidden" name="lineId" value={l.id} />
                        <label className="visually-hidden" htmlFor={`qty-${l.id}`}>
                          Количество {l.article}
                        </label>
                        <input
                          id={`qty-${l.id}`}
                          name="quantity"
                          type="number"
                          min={1}
                          defaultValue={l.quantity}
                          key={l.quantity}
                        />
                        <button type="submit" className="button" disabled={busy}>
                          Изменить
                        </button>
                      </Form>
                    ) : (
                      formatNumber(l.quantity)
                    )}
                  </td>
                  <td className="num">{formatMoney(l.unitPrice)}</td>
                  <td className="num">{formatMoney(l.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Итого, в т. ч. НДС {formatMoney(order.totals.vat)}
                </th>
                <td className="num">
                  <strong>{formatMoney(order.totals.amount)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section aria-labelledby="comments-title" className="section">
        <h2 id="comments-title">Комментарии</h2>
        {order.comments.length === 0 ? <p className="muted">Комментариев пока нет.</p> : null}
        <ol className="comments">
          {order.comments.map((c) => (
            <li key={c.id} className={`comment comment--${c.authorSide}`}>
              <span className="comment__meta">
                {c.authorSide === "dealer" ? "Дилер" : "Менеджер"}
                {c.author ? `, ${c.author.fullName}` : ""} · {formatDateTime(c.createdAt)}
              </span>
              <p className="comment__body">{c.body}</p>
            </li>
          ))}
        </ol>
        <Form method="post">
          <input type="hidden" name="intent" value="comment" />
          <div className="field">
            <label htmlFor="comment-body">Новый комментарий для дилера</label>
            <textarea id="comment-body" name="body" rows={3} required maxLength={4000} key={order.comments.length} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Отправить комментарий
          </button>
        </Form>
      </section>
    </>
  );
}
