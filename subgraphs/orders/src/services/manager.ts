import { newId, withTenant } from "@dpp/db";
import { forbidden } from "@dpp/server";
import type { OrdersContext } from "../context.ts";
import {
  commentsOf,
  insertComment,
  insertOutbox,
  linesOf,
  lockOrder,
  managerOrders,
  type OrderRow,
  type OrdersTx,
  setManager,
} from "../db/queries.ts";
import { notFound, type OrderFailure, orderError } from "../domain/errors.ts";
import { lineAmount, orderTotals, type VatRounding } from "../domain/totals.ts";
import { actingSide, staffRefusal } from "./transitions.ts";

/** The supplier's staff member calling, or a refusal. */
function requireManager(ctx: OrdersContext) {
  const acting = actingSide(ctx.actor);
  if (acting.side !== "manager" || !acting.userId) throw forbidden("Только для сотрудников поставщика");
  return { tenantId: acting.scope.tenantId, userId: acting.userId };
}

export type ManagerView = "MINE" | "POOL" | "ALL";

/** A manager's orders: taken by them, the pool nobody has taken yet, or all the tenant's submitted orders. */
export function listForManager(ctx: OrdersContext, args: { view: ManagerView; first: number }) {
  const m = requireManager(ctx);
  return managerOrders(ctx.db, m.tenantId, {
    ...args,
    userId: m.userId,
    first: Math.min(Math.max(args.first, 1), 200),
  });
}

/** A manager takes a submitted order (from the pool): the first one wins, a repeat by the same manager is harmless. */
export async function takeOrder(ctx: OrdersContext, orderId: string): Promise<OrderRow | OrderFailure> {
  const m = requireManager(ctx);
  const result = await withTenant(ctx.db, m.tenantId, async (tx): Promise<OrderRow | OrderFailure> => {
    const order = await lockOrder(tx, { tenantId: m.tenantId, companyId: null }, orderId);
    if (!order) return notFound();
    if (order.isDraft) return orderError("NOT_SUBMITTED", "Черновик еще не отправлен дилером.");
    if (order.managerUserId === m.userId) return order;
    if (order.managerUserId) return orderError("ORDER_TAKEN", "Заказ уже взял в работу другой менеджер.");
    return setManager(tx, m.tenantId, orderId, m.userId);
  });
  ctx.forget(orderId);
  return result;
}

/** Comments of an order the caller may see, oldest first. */
export function commentsForOrder(ctx: OrdersContext, order: OrderRow) {
  return withTenant(ctx.db, order.tenantId, (tx) => commentsOf(tx, order.tenantId, order.id));
}

/**
 * The dealer (its company's orders) or a manager (the tenant's) comments on a submitted order;
 * `order.comment_added` tells the worker to mail the other side.
 */
export async function addComment(ctx: OrdersContext, input: { orderId: string; body: string }) {
  const acting = actingSide(ctx.actor);
  const body = input.body.trim();
  if (!body) return orderError("EMPTY_COMMENT", "Напишите текст комментария.");
  if (body.length > 4000) return orderError("COMMENT_TOO_LONG", "Комментарий длиннее 4000 символов.");
  const side = acting.side === "dealer" ? "dealer" : "manager";
  const { tenantId } = acting.scope;
  return withTenant(ctx.db, tenantId, async (tx) => {
    const order = await lockOrder(tx, acting.scope, input.orderId);
    if (!order) return notFound();
    if (order.isDraft) return orderError("NOT_SUBMITTED", "Комментарии доступны после отправки заказа.");
    const notYours = staffRefusal(acting, order);
    if (notYours) return notYours;
    const comment = await insertComment(tx, {
      tenantId,
      id: newId("ocm"),
      orderId: order.id,
      authorUserId: acting.userId ?? "",
      authorSide: side,
      body,
    });
    await insertOutbox(tx, {
      tenantId,
      id: newId("evt"),
      topic: "order.comment_added",
      payload: {
        orderId: order.id,
        number: order.number ?? "",
        commentId: comment.id,
        authorSide: side,
        dealerUserId: order.userId,
        managerUserId: order.managerUserId,
        body,
        at: comment.createdAt.toISOString(),
      },
    });
    return comment;
  });
}

/** After a manager changed a submitted order's lines, in the same transaction: the event the worker mails the dealer from. */
export async function linesChangedEvent(
  tx: OrdersTx,
  order: OrderRow,
  vatRounding: VatRounding,
  mailUpdatedInvoice: boolean,
): Promise<void> {
  const lines = await linesOf(tx, order.tenantId, [order.id]);
  const totals = orderTotals(lines, vatRounding);
  await insertOutbox(tx, {
    tenantId: order.tenantId,
    id: newId("evt"),
    topic: "order.lines_changed_by_manager",
    payload: {
      orderId: order.id,
      number: order.number ?? "",
      dealerUserId: order.userId,
      mailUpdatedInvoice,
      lines: lines.map((l) => ({ article: l.article, name: l.name, quantity: l.quantity, amount: lineAmount(l) })),
      total: { amount: totals.amount, currency: order.currency },
      vat: { amount: totals.vat, currency: order.currency },
    },
  });
}
