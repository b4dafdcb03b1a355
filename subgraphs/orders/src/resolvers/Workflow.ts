import { withTenant } from "@dpp/db";
import { requireTenant } from "@dpp/server";
import type { Workflow, WorkflowStatus, WorkflowTransition } from "@dpp/tenant";
import type { OrdersContext } from "../context.ts";
import { latestWorkflow, type OrderRow } from "../db/queries.ts";
import { statusOf, transitionsFrom } from "../domain/workflow.ts";
import { actingSide, applyEvent, cancelOrder, fireTransition } from "../services/transitions.ts";

/** What a caller who is neither a dealer nor staff (a service) may ask for: nothing. */
function callerSide(ctx: OrdersContext): "dealer" | "manager" | null {
  if (ctx.actor.kind !== "user") return null;
  const side = actingSide(ctx.actor).side;
  return side === "system" ? null : side;
}

const transitionView = (wf: Workflow) => (t: WorkflowTransition) => {
  const to: WorkflowStatus = statusOf(wf, t.to);
  return { to, label: t.label, labelEn: t.labelEn, guards: t.guards, cancels: to.category === "cancelled" };
};

/** The workflow's moves: on orders, the caller's transitions; the tenant's workflow for lists and tabs. */
export const workflowResolvers = {
  Query: {
    orderWorkflow: async (_: unknown, __: unknown, ctx: OrdersContext) => {
      const tenantId = requireTenant(ctx.actor);
      const latest = await withTenant(ctx.db, tenantId, (tx) => latestWorkflow(tx, tenantId));
      if (!latest) throw new Error(`orders: tenant ${tenantId} has no order workflow`);
      return latest.definition;
    },
  },
  Mutation: {
    fireOrderTransition: (_: unknown, args: { orderId: string; to: string }, ctx: OrdersContext) =>
      fireTransition(ctx, { orderId: args.orderId, to: args.to, reason: null }),
    cancelOrder: (_: unknown, args: { orderId: string; reason: string }, ctx: OrdersContext) => cancelOrder(ctx, args),
    applyOrderEvent: (_: unknown, args: { orderId: string; event: string }, ctx: OrdersContext) =>
      applyEvent(ctx, args),
  },
  OrderWorkflow: {
    tabs: (wf: Workflow) =>
      wf.tabs.map((t) => ({ ...t, statusCodes: wf.statuses.filter((s) => s.tab === t.code).map((s) => s.code) })),
  },
  Order: {
    statusChangedAt: (o: OrderRow) => o.statusChangedAt?.toISOString() ?? null,
    stockReservedUntil: (o: OrderRow) => (o.stockReserved ? (o.reservedUntil?.toISOString() ?? null) : null),
    availableTransitions: async (o: OrderRow, _: unknown, ctx: OrdersContext) => {
      const side = callerSide(ctx);
      if (!side || o.isDraft || o.workflowVersion === null) return [];
      const wf = await ctx.loaders.workflow.load(o.workflowVersion);
      if (!wf) return [];
      return transitionsFrom(wf, o.statusCode, side).map(transitionView(wf));
    },
  },
};
