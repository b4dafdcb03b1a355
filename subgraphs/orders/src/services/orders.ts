import { newId, withTenant } from "@dpp/db";
import { forbidden } from "@dpp/server";
import { rememberAddress } from "../checkout/db.ts";
import { type CheckoutContext, checkSubmission } from "../checkout/service.ts";
import { lineSnapshot, type ProductKey } from "../clients/catalog.ts";
import type { OrdersContext } from "../context.ts";
import {
  deleteLine,
  insertLine,
  insertOutbox,
  latestWorkflow,
  linesOf,
  listOrders,
  lockOrder,
  markSubmitted,
  nextOrderSequence,
  type OrderLineRow,
  type OrderRow,
  type OrdersTx,
  orderBySubmissionKey,
  setManager,
  updateLine,
  workflowOf,
} from "../db/queries.ts";
import type { CheckoutInput } from "../domain/checkout.ts";
import { lockedOrder, notFound, type OrderFailure, orderError } from "../domain/errors.ts";
import { normalizeQuantity } from "../domain/quantity.ts";
import {
  checkIdempotencyKey,
  checkIdempotentReplay,
  checkSubmittable,
  formatOrderNumber,
  orderSubmittedEvent,
} from "../domain/submission.ts";
import { orderTotals } from "../domain/totals.ts";
import { canEditLines, initialStatus, statusOf } from "../domain/workflow.ts";
import { linesChangedEvent } from "./manager.ts";
import { actingSide, afterSubmission, staffRefusal } from "./transitions.ts";

/** The seeds' right "send orders". */
export const SEND_ORDERS = "orders.send";

export type OrderOutcome = OrderRow | OrderFailure;

export function listForDealer(ctx: OrdersContext, args: { drafts: boolean; first: number }) {
  const d = ctx.dealer();
  const first = Math.min(Math.max(args.first, 1), 200);
  return listOrders(ctx.db, d.scope, { drafts: args.drafts, first });
}

export function orderForDealer(ctx: OrdersContext, id: string) {
  ctx.dealer();
  return ctx.loaders.order.load(id);
}

/** One order as the caller may see it: a dealer its company's, staff the tenant's (the loader's scope). */
export function orderForCaller(ctx: OrdersContext, id: string) {
  return ctx.loaders.order.load(id);
}

/**
 * Runs `change` on a locked order whose lines the caller may change, then returns it as it is now:
 * a dealer its company's drafts, and submitted orders in statuses the workflow leaves editable to
 * it; a manager the tenant's submitted orders in statuses editable by managers (the dealer is then
 * told, with the updated invoice where the workflow says). Anything else is refused before `change`.
 */
async function changeLines(
  ctx: OrdersContext,
  orderId: string,
  change: (tx: OrdersTx, order: OrderRow, lines: OrderLineRow[]) => Promise<OrderFailure | undefined>,
): Promise<OrderOutcome> {
  const acting = actingSide(ctx.actor);
  const side = acting.side === "dealer" ? "dealer" : "manager";
  const { tenantId } = acting.scope;
  const result = await withTenant(ctx.db, tenantId, async (tx): Promise<OrderOutcome> => {
    const order = await lockOrder(tx, acting.scope, orderId);
    if (!order) return notFound();
    const workflow = order.workflowVersion === null ? null : await workflowOf(tx, tenantId, order.workflowVersion);
    if (!canEditLines(workflow, order.statusCode, side)) return lockedOrder(statusOf(workflow, order.statusCode).label);
    const notYours = order.isDraft ? null : staffRefusal(acting, order);
    if (notYours) return notYours;
    const failure = await change(tx, order, await linesOf(tx, tenantId, [order.id]));
    if (failure) return failure;
    if (!order.isDraft && side === "manager") {
      const mail = workflow?.managerEdit.effects.includes("mail_updated_invoice") ?? false;
      await linesChangedEvent(tx, order, (await ctx.settings()).vatRounding, mail);
    }
    return order;
  });
  ctx.forget(orderId);
  return result;
}

export async function addLine(
  ctx: OrdersContext,
  input: { orderId: string; productId?: string | null; article?: string | null; quantity: number },
): Promise<OrderOutcome> {
  const key: ProductKey | null = input.productId
    ? { by: "id", id: input.productId }
    : input.article
      ? { by: "article", article: input.article }
      : null;
  if (!key) return orderError("PRODUCT_REQUIRED", "Укажите товар: его идентификатор или артикул.");
  if (!(await orderForDealer(ctx, input.orderId))) return notFound();
  // Priced before the transaction: no row lock is held across the call to catalog.
  const product = await ctx.catalog().load(key);
  if (!product) {
    const what = key.by === "id" ? `с идентификатором ${key.id}` : `с артикулом «${key.article}»`;
    return orderError("UNKNOWN_PRODUCT", `Товар ${what} не найден в каталоге.`);
  }
  const settings = await ctx.settings();
  return changeLines(ctx, input.orderId, async (tx, order, lines) => {
    if (product.currency !== order.currency) {
      return orderError(
        "CURRENCY_MISMATCH",
        `Цена товара ${product.article} указана в ${product.currency}, заказ — в ${order.currency}.`,
      );
    }
    const line = lines.find((l) => l.productId === product.id);
    const q = normalizeQuantity((line?.quantity ?? 0) + input.quantity, {
      packMultiple: product.packMultiple,
      minQuantity: product.minQuantity,
      packRounding: settings.packRounding,
      article: product.article,
    });
    if ("kind" in q) return q;
    const snapshot = { ...lineSnapshot(product), quantity: q.quantity };
    if (line) await updateLine(tx, order.tenantId, line.id, snapshot);
    else await insertLine(tx, { tenantId: order.tenantId, id: newId("oln"), orderId: order.id, ...snapshot });
    return undefined;
  });
}

export async function setLineQuantity(
  ctx: OrdersContext,
  input: { orderId: string; lineId: string; quantity: number },
): Promise<OrderOutcome> {
  const settings = await ctx.settings();
  return changeLines(ctx, input.orderId, async (tx, order, lines) => {
    const line = lines.find((l) => l.id === input.lineId);
    if (!line) return lineNotFound();
    const q = normalizeQuantity(input.quantity, { ...line, packRounding: settings.packRounding });
    if ("kind" in q) return q;
    await updateLine(tx, order.tenantId, line.id, { quantity: q.quantity });
    return undefined;
  });
}

export function removeLine(ctx: OrdersContext, input: { orderId: string; lineId: string }): Promise<OrderOutcome> {
  return changeLines(ctx, input.orderId, async (tx, order, lines) => {
    if (!lines.some((l) => l.id === input.lineId)) return lineNotFound();
    await deleteLine(tx, order.tenantId, input.lineId);
    return undefined;
  });
}

/**
 * Submits a draft in one transaction: the workflow's initial status, the next number, the
 * submission time and the `order.submitted` outbox event (whose trigger enqueues the job).
 */
export async function submit(
  ctx: CheckoutContext,
  input: { orderId: string; idempotencyKey: string | null; checkout: CheckoutInput },
) {
  const d = ctx.dealer();
  if (!d.actor.permissions.includes(SEND_ORDERS)) throw forbidden("Нет права отправлять заказы");
  const keyRefusal = input.idempotencyKey === null ? null : checkIdempotencyKey(input.idempotencyKey);
  if (keyRefusal) return keyRefusal;
  // The checkout's fields against the tenant's form and the dealer's facts, before any lock.
  const checked = await checkSubmission(ctx, input);
  if ("kind" in checked) return checked;
  if ("earlier" in checked) return checked.earlier;
  const { values, fingerprint } = checked;
  const managerUserId = await ctx.services.personalManager(d.actor, ctx.requestId);
  const settings = await ctx.settings();
  const scope = { ...d.scope, companyId: d.companyId };
  let replayed = false;
  let reactsToSubmission = false;
  const result = await withTenant(ctx.db, d.tenantId, async (tx): Promise<OrderOutcome> => {
    const order = await lockOrder(tx, scope, input.orderId);
    // Looked up after the lock: concurrent repeats of one submission queue on the draft's row.
    const earlier = input.idempotencyKey ? await orderBySubmissionKey(tx, scope, input.idempotencyKey) : null;
    if (earlier) {
      const replay = checkIdempotentReplay(earlier, fingerprint);
      replayed = replay === "replay";
      return replayed ? earlier : (replay as OrderFailure);
    }
    if (!order) return notFound();
    const lines = await linesOf(tx, d.tenantId, [order.id]);
    const refusal = checkSubmittable(order, lines.length);
    if (refusal) return refusal;
    const workflow = await latestWorkflow(tx, d.tenantId);
    if (!workflow) throw new Error(`orders: tenant ${d.tenantId} has no order workflow`);
    const status = initialStatus(workflow.definition);
    reactsToSubmission = workflow.definition.transitions.some((t) => t.from === status.code && t.on === "submitted");
    const number = formatOrderNumber(await nextOrderSequence(tx, d.tenantId));
    const submitted = await markSubmitted(tx, d.tenantId, order.id, {
      number,
      statusCode: status.code,
      workflowVersion: workflow.version,
      comment: values.comment,
      customerNumber: values.customerNumber,
      counterpartyId: values.checkout.counterparty?.id ?? null,
      checkout: values.checkout,
      submissionKey: input.idempotencyKey,
      submissionFingerprint: input.idempotencyKey ? fingerprint : null,
    });
    // The order goes to the dealer's personal manager at once, or to the managers' pool without one.
    const routed = managerUserId ? await setManager(tx, d.tenantId, order.id, managerUserId) : submitted;
    if (values.checkout.deliveryAddress) await rememberAddress(tx, d, values.checkout.deliveryAddress);
    const totals = orderTotals(lines, settings.vatRounding);
    await insertOutbox(tx, {
      tenantId: d.tenantId,
      id: newId("evt"),
      topic: "order.submitted",
      payload: { ...orderSubmittedEvent({ order: routed, number, status, totals }) },
    });
    return routed;
  });
  ctx.forget(input.orderId);
  return "kind" in result || replayed || !reactsToSubmission ? result : afterSubmission(ctx, result);
}

const lineNotFound = () => orderError("LINE_NOT_FOUND", "Позиция не найдена в заказе.");
