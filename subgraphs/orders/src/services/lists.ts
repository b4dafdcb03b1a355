import { withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import type { Workflow } from "@dpp/tenant";
import type { OrdersContext } from "../context.ts";
import { filteredOrders, latestWorkflow, lockOrder, type OrderRow, orderGroups, updateOrder } from "../db/queries.ts";
import { notFound, type OrderFailure, orderError } from "../domain/errors.ts";
import { dateRange, tabCounts, tabSelection } from "../domain/lists.ts";
import { actingSide } from "./transitions.ts";

export interface OrderListFilter {
  tab?: string | null;
  statusCodes?: string[] | null;
  search?: string | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
}

async function currentWorkflow(ctx: OrdersContext): Promise<Workflow> {
  const tenantId = requireTenant(ctx.actor);
  const latest = await withTenant(ctx.db, tenantId, (tx) => latestWorkflow(tx, tenantId));
  if (!latest) throw new Error(`orders: tenant ${tenantId} has no order workflow`);
  return latest.definition;
}

/** The dealer's orders as a list shows them: by tab, statuses, a search in the numbers, a date range. */
export async function orderList(
  ctx: OrdersContext,
  f: OrderListFilter,
): Promise<{ orders: OrderRow[] } | OrderFailure> {
  const d = ctx.dealer();
  const selection = f.tab ? tabSelection(await currentWorkflow(ctx), f.tab) : null;
  if (selection && "code" in selection) return selection;
  const range = dateRange(f.from ?? null, f.to ?? null);
  if ("code" in range) return range;
  const orders = await filteredOrders(ctx.db, d.scope, {
    selection,
    statusCodes: f.statusCodes?.length ? f.statusCodes : null,
    search: f.search?.trim() || null,
    ...range,
    first: Math.min(Math.max(f.first ?? 50, 1), 500),
  });
  return { orders };
}

/** Every tab of the tenant's list with the dealer's count in it. */
export async function tabsWithCounts(ctx: OrdersContext) {
  const d = ctx.dealer();
  const [workflow, groups] = await Promise.all([currentWorkflow(ctx), orderGroups(ctx.db, d.scope)]);
  const counts = tabCounts(workflow, groups);
  return workflow.tabs.map((t, i) => ({
    tab: { ...t, statusCodes: workflow.statuses.filter((s) => s.tab === t.code).map((s) => s.code) },
    count: counts[i]?.count ?? 0,
  }));
}

/** The dealer follows (or stops following) a submitted order. */
export async function trackOrder(ctx: OrdersContext, input: { orderId: string; tracked: boolean }) {
  const d = ctx.dealer();
  const result = await withTenant(ctx.db, d.tenantId, async (tx): Promise<OrderRow | OrderFailure> => {
    const order = await lockOrder(tx, d.scope, input.orderId);
    if (!order) return notFound();
    if (order.isDraft) return orderError("NOT_SUBMITTED", "Отслеживать можно отправленный заказ.");
    return updateOrder(tx, d.tenantId, order.id, { tracked: input.tracked });
  });
  ctx.forget(input.orderId);
  return result;
}

/** Staff or a service (the ERP connector) records the ERP's number of an order. */
export async function setErpNumber(ctx: OrdersContext, input: { orderId: string; erpNumber: string }) {
  const tenantId = requireTenant(ctx.actor);
  if (ctx.actor.kind !== "service" && actingSide(ctx.actor).side !== "manager")
    throw forbidden("Номер учетной системы задают сотрудники поставщика");
  const erpNumber = input.erpNumber.trim();
  if (!erpNumber || erpNumber.length > 50) return orderError("INVALID_ERP_NUMBER", "Номер: от 1 до 50 символов.");
  const result = await withTenant(ctx.db, tenantId, async (tx): Promise<OrderRow | OrderFailure> => {
    const order = await lockOrder(tx, { tenantId, companyId: null }, input.orderId);
    if (!order) return notFound();
    return updateOrder(tx, tenantId, order.id, { erpNumber });
  });
  ctx.forget(input.orderId);
  return result;
}
