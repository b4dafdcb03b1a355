import type { Actor } from "@dpp/auth";
import { newId, withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import type { Workflow, WorkflowTransition } from "@dpp/tenant";
import { dealerScope, type OrdersContext } from "../context.ts";
import {
  insertOutbox,
  linesOf,
  lockOrder,
  type OrderRow,
  type OrderScope,
  ordersByIds,
  setStatus,
  workflowVersions,
} from "../db/queries.ts";
import { notFound, type OrderFailure, orderError } from "../domain/errors.ts";
import { staffMayAct } from "../domain/manager-access.ts";
import { orderTotals } from "../domain/totals.ts";
import {
  type CreditFacts,
  failedGuard,
  findTransition,
  needsCredit,
  needsPayment,
  statusChangedEvent,
  statusOf,
  type TransitionActor,
  transitionOnEvent,
} from "../domain/workflow.ts";

export type TransitionOutcome = OrderRow | OrderFailure;

const STAFF_ROLES = new Set(["manager", "tenant_admin", "platform_admin"]);

/** Who fires a transition, with the orders they may touch. */
interface Acting {
  side: TransitionActor;
  scope: OrderScope;
  userId: string | null;
  permissions: readonly string[];
  /** Staff: a tenant or platform administrator (acts on every order, not only the ones they lead). */
  admin?: boolean;
}

/** A manager on an order another manager leads: refused (administrators and the pool excepted). */
export function staffRefusal(acting: Acting, order: { managerUserId: string | null }): OrderFailure | null {
  if (acting.side !== "manager" || !acting.userId) return null;
  return staffMayAct(order, { userId: acting.userId, admin: acting.admin === true });
}

/** A dealer acts on its company's orders, staff on the tenant's; anyone else is refused. */
export function actingSide(actor: Actor): Acting {
  const tenantId = requireTenant(actor);
  if (actor.kind === "user" && actor.companyId) {
    return {
      side: "dealer",
      scope: dealerScope({ ...actor, companyId: actor.companyId }),
      userId: actor.userId,
      permissions: actor.permissions,
    };
  }
  if (actor.kind === "user" && actor.roles.some((r) => STAFF_ROLES.has(r)))
    return {
      side: "manager",
      scope: { tenantId, companyId: null },
      userId: actor.userId,
      permissions: actor.permissions,
      admin: actor.roles.some((r) => r === "tenant_admin" || r === "platform_admin"),
    };
  throw forbidden("Менять статус заказа могут дилер и сотрудники поставщика");
}

/** Only services (inventory, finance, an ERP connector) report events. */
function requireService(actor: Actor): Acting {
  const tenantId = requireTenant(actor);
  if (actor.kind !== "service") throw forbidden("События заказа сообщают только службы платформы");
  return { side: "system", scope: { tenantId, companyId: null }, userId: null, permissions: [] };
}

/** A dealer or a manager moves a submitted order to `to`, as the order's workflow allows. */
export function fireTransition(ctx: OrdersContext, input: { orderId: string; to: string; reason: string | null }) {
  const acting = actingSide(ctx.actor);
  const side = acting.side === "dealer" ? "dealer" : "manager";
  return runTransition(ctx, acting, input.orderId, input.reason, (wf, from) =>
    findTransition(wf, from, input.to, side),
  );
}

/** Cancels an order with a reason: the workflow's transition to a cancelled status open to the caller. */
export function cancelOrder(ctx: OrdersContext, input: { orderId: string; reason: string }) {
  const acting = actingSide(ctx.actor);
  const reason = input.reason.trim();
  if (!reason) return Promise.resolve(orderError("REASON_REQUIRED", "Укажите причину отмены."));
  return runTransition(ctx, acting, input.orderId, reason, (wf, from) => {
    const cancelled = wf.statuses.filter((s) => s.category === "cancelled").map((s) => s.code);
    const t = wf.transitions.find(
      (t) => t.from === from && cancelled.includes(t.to) && t.by.includes(acting.side) && !t.on,
    );
    return t ?? orderError("FORBIDDEN_TRANSITION", `Заказ в статусе «${statusOf(wf, from).label}» отменить нельзя.`);
  });
}

/** A service reports an event; the workflow's system transition on it from the current status fires. */
export function applyEvent(ctx: OrdersContext, input: { orderId: string; event: string }) {
  return runTransition(ctx, requireService(ctx.actor), input.orderId, null, (wf, from) =>
    transitionOnEvent(wf, from, input.event),
  );
}

/** Right after submission: the workflow's transition on "submitted", if it has one (e.g. reserve stock). */
export async function afterSubmission(ctx: OrdersContext, order: OrderRow): Promise<OrderRow> {
  const system: Acting = {
    side: "system",
    scope: { tenantId: order.tenantId, companyId: null },
    userId: null,
    permissions: [],
  };
  const r = await runTransition(ctx, system, order.id, null, (wf, from) => transitionOnEvent(wf, from, "submitted"));
  return "kind" in r ? order : r;
}

/**
 * The one way an order changes status. Outside the transaction: the transition, its guards (asking
 * finance when one needs it) and inventory effects; inside it, with the row locked: the status is
 * checked unchanged, then moved, and `order.status_changed` goes to the outbox. Any refusal leaves
 * the order as it was; a reservation made for a transition that then lost a race is released.
 */
async function runTransition(
  ctx: OrdersContext,
  acting: Acting,
  orderId: string,
  reason: string | null,
  pick: (wf: Workflow, from: string) => WorkflowTransition | OrderFailure,
): Promise<TransitionOutcome> {
  const { tenantId } = acting.scope;
  const [order] = await ordersByIds(ctx.db, acting.scope, [orderId]);
  if (!order) return notFound();
  if (order.isDraft || order.workflowVersion === null)
    return orderError("NOT_SUBMITTED", "Черновик еще не отправлен: сначала отправьте заказ.");
  const notYours = staffRefusal(acting, order);
  if (notYours) return notYours;
  const [wf] = await workflowVersions(ctx.db, tenantId, [order.workflowVersion]);
  if (!wf) throw new Error(`orders: workflow version ${order.workflowVersion} of ${tenantId} is missing`);
  const transition = pick(wf.definition, order.statusCode);
  if ("kind" in transition) return transition;

  const settings = await ctx.settings();
  const lines = await withTenant(ctx.db, tenantId, (tx) => linesOf(tx, tenantId, [order.id]));
  const amount = orderTotals(lines, settings.vatRounding).amount;
  let credit: CreditFacts | null = null;
  if (needsCredit(transition.guards))
    credit = await ctx.services.credit(tenantId, order.companyId, amount, ctx.requestId);
  const paid = needsPayment(transition.guards) ? await ctx.services.orderPaid(tenantId, order.id, ctx.requestId) : null;
  const refusal = failedGuard(transition.guards, {
    actor: acting.side,
    permissions: acting.permissions,
    amount,
    credit,
    reservation: order.stockReserved ? { until: order.reservedUntil } : null,
    paid,
    now: new Date(),
  });
  if (refusal) return refusal;

  let reservation = { stockReserved: order.stockReserved, reservedUntil: order.reservedUntil };
  if (transition.effects.includes("reserve_stock")) {
    const holdUntil = settings.reserveHoldHours ? new Date(Date.now() + settings.reserveHoldHours * 3_600_000) : null;
    const r = await ctx.services.reserve(
      tenantId,
      { orderId: order.id, holdUntil, lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) },
      ctx.requestId,
    );
    if (!r.ok) {
      const short = r.shortages.map((s) => {
        const article = lines.find((l) => l.productId === s.productId)?.article ?? s.productId;
        return `${article}: заказано ${s.requested}, доступно ${s.available}`;
      });
      return orderError(
        r.code === "INSUFFICIENT_STOCK" ? "INSUFFICIENT_STOCK" : "RESERVATION_FAILED",
        short.length ? `Не хватает товара: ${short.join("; ")}.` : r.message,
      );
    }
    reservation = { stockReserved: true, reservedUntil: r.expiresAt };
  }
  if (transition.effects.includes("release_stock")) {
    await ctx.services.release(tenantId, order.id, ctx.requestId);
    reservation = { stockReserved: false, reservedUntil: null };
  }
  if (transition.on === "reservation_expired") reservation = { stockReserved: false, reservedUntil: null };

  const cancelling = statusOf(wf.definition, transition.to).category === "cancelled";
  const result = await withTenant(ctx.db, tenantId, async (tx): Promise<TransitionOutcome> => {
    const locked = await lockOrder(tx, acting.scope, order.id);
    if (!locked) return notFound();
    if (locked.statusCode !== order.statusCode)
      return orderError("FORBIDDEN_TRANSITION", "Статус заказа только что изменился: обновите страницу.");
    const moved = await setStatus(tx, tenantId, order.id, {
      statusCode: transition.to,
      cancelReason: cancelling ? reason : locked.cancelReason,
      ...reservation,
    });
    await insertOutbox(tx, {
      tenantId,
      id: newId("evt"),
      topic: "order.status_changed",
      payload: statusChangedEvent({
        order: moved,
        workflow: wf.definition,
        transition,
        by: acting.side,
        actorUserId: acting.userId,
        reason: cancelling ? reason : null,
        at: moved.statusChangedAt ?? new Date(),
      }),
    });
    return moved;
  });
  if ("kind" in result && transition.effects.includes("reserve_stock"))
    await ctx.services.release(tenantId, order.id, ctx.requestId);
  ctx.forget(order.id);
  return result;
}
