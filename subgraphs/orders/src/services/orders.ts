import { newId, withTenant } from "@dpp/db";
import { forbidden } from "@dpp/server";
import type { ProductKey } from "../clients/catalog.ts";
import type { OrdersContext } from "../context.ts";
import {
  deleteLine,
  insertLine,
  insertOrder,
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
  updateLine,
} from "../db/queries.ts";
import { notADraft, notFound, type OrderFailure, orderError } from "../domain/errors.ts";
import { normalizeQuantity } from "../domain/quantity.ts";
import { checkSubmittable, formatOrderNumber, orderSubmittedEvent } from "../domain/submission.ts";
import { orderTotals } from "../domain/totals.ts";
import { DRAFT_STATUS, initialStatus } from "../domain/workflow.ts";

/** The seeds' right "send orders". */
export const SEND_ORDERS = "orders.send";

export type OrderOutcome = OrderRow | OrderFailure;

export function listForDealer(ctx: OrdersContext, args: { drafts: boolean; first: number }) {
  const d = ctx.dealer();
  const first = Math.min(Math.max(args.first, 1), 200);
  return listOrders(ctx.db, { tenantId: d.tenantId, companyId: d.companyId }, { drafts: args.drafts, first });
}

export function orderForDealer(ctx: OrdersContext, id: string) {
  ctx.dealer();
  return ctx.loaders.order.load(id);
}

export async function createDraft(ctx: OrdersContext, input: { name: string | null }): Promise<OrderRow> {
  const d = ctx.dealer();
  const settings = await ctx.settings();
  const name = input.name?.trim() || null;
  return withTenant(ctx.db, d.tenantId, (tx) =>
    insertOrder(tx, {
      tenantId: d.tenantId,
      id: newId("ord"),
      companyId: d.companyId,
      userId: d.userId,
      isDraft: true,
      name,
      statusCode: DRAFT_STATUS.code,
      currency: settings.currency,
    }),
  );
}

/**
 * Runs `change` on a locked draft of the caller's company, then returns the draft as it is now.
 * Unknown (or another company's) order and submitted orders are refused before `change` runs.
 */
async function changeDraft(
  ctx: OrdersContext,
  orderId: string,
  change: (tx: OrdersTx, order: OrderRow, lines: OrderLineRow[]) => Promise<OrderFailure | undefined>,
): Promise<OrderOutcome> {
  const d = ctx.dealer();
  const scope = { tenantId: d.tenantId, companyId: d.companyId };
  const result = await withTenant(ctx.db, d.tenantId, async (tx): Promise<OrderOutcome> => {
    const order = await lockOrder(tx, scope, orderId);
    if (!order) return notFound();
    if (!order.isDraft) return notADraft();
    const failure = await change(tx, order, await linesOf(tx, d.tenantId, [order.id]));
    return failure ?? order;
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
  const existing = await orderForDealer(ctx, input.orderId);
  if (!existing) return notFound();
  if (!existing.isDraft) return notADraft();
  // Priced before the transaction: no row lock is held across the call to catalog.
  const product = await ctx.catalog().load(key);
  if (!product) {
    const what = key.by === "id" ? `с идентификатором ${key.id}` : `с артикулом «${key.article}»`;
    return orderError("UNKNOWN_PRODUCT", `Товар ${what} не найден в каталоге.`);
  }
  const settings = await ctx.settings();
  return changeDraft(ctx, input.orderId, async (tx, order, lines) => {
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
    const snapshot = {
      productId: product.id,
      article: product.article,
      name: product.name,
      quantity: q.quantity,
      unitPrice: product.unitPrice,
      vat: product.vat,
      vatRateBp: product.vatRateBp,
      vatIncluded: product.vatIncluded,
      packMultiple: product.packMultiple,
      minQuantity: product.minQuantity,
    };
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
  return changeDraft(ctx, input.orderId, async (tx, order, lines) => {
    const line = lines.find((l) => l.id === input.lineId);
    if (!line) return lineNotFound();
    const q = normalizeQuantity(input.quantity, { ...line, packRounding: settings.packRounding });
    if ("kind" in q) return q;
    await updateLine(tx, order.tenantId, line.id, { quantity: q.quantity });
    return undefined;
  });
}

export function removeLine(ctx: OrdersContext, input: { orderId: string; lineId: string }): Promise<OrderOutcome> {
  return changeDraft(ctx, input.orderId, async (tx, order, lines) => {
    if (!lines.some((l) => l.id === input.lineId)) return lineNotFound();
    await deleteLine(tx, order.tenantId, input.lineId);
    return undefined;
  });
}

/**
 * Submits a draft in one transaction: the workflow's initial status, the next number, the
 * submission time and the `order.submitted` outbox event (whose trigger enqueues the job).
 */
export async function submit(ctx: OrdersContext, input: { orderId: string; comment: string | null }) {
  const d = ctx.dealer();
  if (!d.actor.permissions.includes(SEND_ORDERS)) throw forbidden("Нет права отправлять заказы");
  const settings = await ctx.settings();
  const scope = { tenantId: d.tenantId, companyId: d.companyId };
  const result = await withTenant(ctx.db, d.tenantId, async (tx): Promise<OrderOutcome> => {
    const order = await lockOrder(tx, scope, input.orderId);
    if (!order) return notFound();
    const lines = await linesOf(tx, d.tenantId, [order.id]);
    const refusal = checkSubmittable(order, lines.length);
    if (refusal) return refusal;
    const workflow = await latestWorkflow(tx, d.tenantId);
    if (!workflow) throw new Error(`orders: tenant ${d.tenantId} has no order workflow`);
    const status = initialStatus(workflow.definition);
    const number = formatOrderNumber(await nextOrderSequence(tx, d.tenantId));
    const submitted = await markSubmitted(tx, d.tenantId, order.id, {
      number,
      statusCode: status.code,
      workflowVersion: workflow.version,
      comment: input.comment?.trim() || null,
    });
    const totals = orderTotals(lines, settings.vatRounding);
    await insertOutbox(tx, {
      tenantId: d.tenantId,
      id: newId("evt"),
      topic: "order.submitted",
      payload: { ...orderSubmittedEvent({ order: submitted, number, status, totals }) },
    });
    return submitted;
  });
  ctx.forget(input.orderId);
  return result;
}

const lineNotFound = () => orderError("LINE_NOT_FOUND", "Позиция не найдена в заказе.");
