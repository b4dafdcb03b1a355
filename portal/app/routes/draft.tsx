import { useId } from "react";
import { data, Form, Link, redirect, type ShouldRevalidateFunction, useNavigation } from "react-router";
import type { CheckoutProblem } from "../graphql/checkout";
import {
  ActiveDraftQuery,
  type OrderLine,
  OrderQuery,
  RemoveOrderLineMutation,
  RenameDraftMutation,
  SetActiveDraftMutation,
  SetOrderLineQuantityMutation,
} from "../graphql/orders";
import { commitSession, withAuth } from "../lib/auth.server";
import { checkoutOf, saveDraftCheckout, submitCheckout } from "../lib/checkout.server";
import { formatDateTime, formatMoney } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { orderAction } from "../lib/order-actions.server";
import { orderErrorText } from "../lib/order-errors";
import { CheckoutSection } from "../ui/checkout-section";
import { CheckoutSummary } from "../ui/checkout-summary";
import { DraftImport } from "../ui/draft-import";
import { SubmittedOrderPanels } from "../ui/order-actions";
import { OrderDocuments } from "../ui/order-documents";
import { OrderTotals } from "../ui/order-totals";
import { StatusBadge } from "../ui/status-badge";
import type { Route } from "./+types/draft";
import "../ui/orders.css";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.order.isDraft === false ? `Заказ № ${data.order.number}` : "Черновик"} — Кабинет дилера` },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const [{ order }, { activeDraft }] = await Promise.all([
      query(client, OrderQuery, { id: params.id }),
      query(client, ActiveDraftQuery, {}),
    ]);
    if (!order) throw data("Заказ не найден", { status: 404 });
    // One key per rendered checkout form: a double click or a retried request submits once.
    const submissionKey = crypto.randomUUID();
    return { order, isActive: activeDraft?.id === order.id, submissionKey, ...(await checkoutOf(client, order)) };
  });
}

/** Saving the checkout values as the dealer types changes nothing the page shows: no reload for it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "checkout-draft" ? false : defaultShouldRevalidate;

type ActionResult = { error: string; lineId?: string; problems?: CheckoutProblem[] } | { ok: string; lineId?: string };

export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    const intent = String(form.get("intent") ?? "");
    const orderId = params.id;
    const lineId = String(form.get("lineId") ?? "");
    const fail = (error: string, status = 422) => data<ActionResult>({ error, lineId }, { status });

    if (intent === "quantity") {
      const quantity = Number(form.get("quantity"));
      if (!Number.isInteger(quantity) || quantity < 1)
        return fail("Укажите количество — целое число не меньше 1.", 400);
      const r = (await mutate(client, SetOrderLineQuantityMutation, { orderId, lineId, quantity }))
        .setOrderLineQuantity;
      return r.__typename === "OrderError"
        ? fail(orderErrorText(r))
        : data<ActionResult>({ ok: "Количество изменено.", lineId });
    }
    if (intent === "remove") {
      const r = (await mutate(client, RemoveOrderLineMutation, { orderId, lineId })).removeOrderLine;
      return r.__typename === "OrderError" ? fail(orderErrorText(r)) : data<ActionResult>({ ok: "Позиция удалена." });
    }
    if (intent === "activate") {
      const r = (await mutate(client, SetActiveDraftMutation, { orderId })).setActiveDraft;
      if (r.__typename === "OrderError") return fail(orderErrorText(r));
      session.set("activeDraftId", orderId);
      return data<ActionResult>(
        { ok: "Товары из каталога будут добавляться в этот черновик." },
        { headers: { "Set-Cookie": await commitSession(session, context) } },
      );
    }
    if (intent === "rename") {
      const name = String(form.get("name") ?? "").trim() || null;
      const r = (await mutate(client, RenameDraftMutation, { orderId, name })).renameDraft;
      return r.__typename === "OrderError"
        ? fail(orderErrorText(r))
        : data<ActionResult>({ ok: "Черновик переименован." });
    }
    if (intent === "checkout-draft") {
      const r = await saveDraftCheckout(client, orderId, form);
      return r.__typename === "OrderError" ? fail(orderErrorText(r)) : data<ActionResult>({ ok: "Сохранено." });
    }
    if (intent === "submit") {
      const r = await submitCheckout(client, orderId, form);
      if (r.__typename === "OrderError")
        return data<ActionResult>({ error: orderErrorText(r), problems: r.problems }, { status: 422 });
      if (session.get("activeDraftId") === orderId) session.unset("activeDraftId");
      session.flash("notice", `Заказ № ${r.number} отправлен`);
      throw redirect("/orders", { headers: { "Set-Cookie": await commitSession(session, context) } });
    }
    const other = await orderAction(intent, form, { client, session, orderId });
    if (other?.kind === "redirect")
      throw redirect(other.to, { headers: { "Set-Cookie": await commitSession(session, context) } });
    if (other) return other.kind === "error" ? fail(other.error) : data<ActionResult>({ ok: other.ok });
    return fail("Неизвестное действие.", 400);
  });
}

export default function Draft({ loaderData, actionData }: Route.ComponentProps) {
  const { order, isActive, submissionKey, checkoutForm, draftValues, checkout } = loaderData;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const generalMessage = actionData && !actionData.lineId ? actionData : undefined;
  const nameId = useId();
  const title = order.isDraft ? `Черновик${order.name ? `: ${order.name}` : ""}` : `Заказ № ${order.number}`;

  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">← Заказы и черновики</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <a href={`/orders/${order.id}/export.xlsx`} download>
          Скачать в Excel
        </a>
      </p>
      <p className="muted">
        Создан {formatDateTime(order.createdAt)}
        {order.submittedAt ? `, отправлен ${formatDateTime(order.submittedAt)}` : ""}
        {!order.isDraft ? (
          <>
            {" "}
            <StatusBadge status={order.status} />
          </>
        ) : null}
      </p>
      {order.isDraft ? (
        <div className="draft-active">
          <Form method="post" className="rename-form">
            <input type="hidden" name="intent" value="rename" />
            <label htmlFor={nameId}>Название черновика</label>
            <input id={nameId} name="name" type="text" defaultValue={order.name ?? ""} key={order.id} maxLength={200} />
            <button type="submit" className="button" disabled={busy}>
              Переименовать
            </button>
          </Form>
          {isActive ? (
            <p>Это активный черновик: кнопка «В заказ» в каталоге добавляет товары сюда.</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="activate" />
              <button type="submit" className="button">
                Сделать активным
              </button>
            </Form>
          )}
        </div>
      ) : null}
      {generalMessage ? (
        "error" in generalMessage ? (
          <p className="alert alert--error" role="alert">
            {generalMessage.error}
          </p>
        ) : (
          <p className="alert alert--success" role="status">
            {generalMessage.ok}
          </p>
        )
      ) : null}

      {order.lines.length === 0 ? (
        <p>
          В черновике пока нет позиций. <Link to="/catalog">Перейти в каталог</Link>
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table lines">
            <caption className="visually-hidden">Позиции заказа</caption>
            <thead>
              <tr>
                <th scope="col">Артикул</th>
                <th scope="col">Наименование</th>
                <th scope="col" className="num">
                  Цена
                </th>
                <th scope="col">Количество</th>
                <th scope="col">Ед.</th>
                <th scope="col" className="num">
                  Сумма
                </th>
                {order.isDraft || order.status.editableBy.includes("dealer") ? <th scope="col">Действия</th> : null}
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <LineRow
                  key={line.id}
                  line={line}
                  editable={order.isDraft || order.status.editableBy.includes("dealer")}
                  busy={busy}
                  message={actionData?.lineId === line.id ? actionData : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {order.isDraft ? <DraftImport orderId={order.id} /> : null}

      <OrderTotals totals={order.totals} />

      {order.isDraft ? (
        checkoutForm ? (
          <CheckoutSection
            key={order.id}
            form={checkoutForm}
            values={draftValues}
            submissionKey={submissionKey}
            problems={actionData && "problems" in actionData ? (actionData.problems ?? []) : []}
            busy={busy}
            empty={order.lines.length === 0}
          />
        ) : null
      ) : (
        <>
          {checkout ? <CheckoutSummary checkout={checkout} /> : null}
          <SubmittedOrderPanels order={order} busy={busy} />
          <OrderDocuments orderId={order.id} />
        </>
      )}
    </>
  );
}

function LineRow({
  line,
  editable,
  busy,
  message,
}: {
  line: OrderLine;
  editable: boolean;
  busy: boolean;
  message: ActionResult | undefined;
}) {
  const qtyId = useId();
  return (
    <tr>
      <td className="mono">{line.article}</td>
      <td>{line.name}</td>
      <td className="num">{formatMoney(line.unitPrice)}</td>
      <td>
        {editable ? (
          <Form method="post" className="qty-form">
            <input type="hidden" name="intent" value="quantity" />
            <input type="hidden" name="lineId" value={line.id} />
            <label htmlFor={qtyId} className="visually-hidden">
              Количество ({line.article})
            </label>
            <input
              id={qtyId}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              defaultValue={line.quantity}
              key={line.quantity}
              required
              className="add__qty"
            />
            <button type="submit" className="button" disabled={busy}>
              Изменить
            </button>
          </Form>
        ) : (
          line.quantity
        )}
        {message ? (
          <div className={"error" in message ? "add__error" : "add__ok"} role={"error" in message ? "alert" : "status"}>
            {"error" in message ? message.error : message.ok}
          </div>
        ) : null}
      </td>
      <td>{line.unit}</td>
      <td className="num">{formatMoney(line.amount)}</td>
      {editable ? (
        <td>
          <Form method="post">
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="lineId" value={line.id} />
            <button type="submit" className="button button--danger" disabled={busy}>
              Удалить<span className="visually-hidden"> {line.article}</span>
            </button>
          </Form>
        </td>
      ) : null}
    </tr>
  );
}
