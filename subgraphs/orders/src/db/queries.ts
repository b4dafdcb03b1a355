import { withTenant } from "@dpp/db";
import type { Workflow } from "@dpp/tenant";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { OrdersDb } from "../server.ts";
import { orderLines, orderNumbers, orders, outbox, tenantSettings, workflows } from "./schema.ts";

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type TenantSettingsRow = typeof tenantSettings.$inferSelect;
export type OrdersTx = Parameters<Parameters<OrdersDb["transaction"]>[0]>[0];

/** Whose orders a caller sees: one company's, or (staff, services) the whole tenant's. */
export interface OrderScope {
  tenantId: string;
  companyId: string | null;
}

const inScope = (scope: OrderScope) =>
  scope.companyId === null
    ? eq(orders.tenantId, scope.tenantId)
    : and(eq(orders.tenantId, scope.tenantId), eq(orders.companyId, scope.companyId));

export function ordersByIds(db: OrdersDb, scope: OrderScope, ids: readonly string[]) {
  return withTenant(db, scope.tenantId, (tx) =>
    tx
      .select()
      .from(orders)
      .where(and(inScope(scope), inArray(orders.id, [...ids]))),
  );
}

export function listOrders(db: OrdersDb, scope: OrderScope, opts: { drafts: boolean; first: number }) {
  return withTenant(db, scope.tenantId, (tx) =>
    tx
      .select()
      .from(orders)
      .where(and(inScope(scope), eq(orders.isDraft, opts.drafts)))
      .orderBy(opts.drafts ? desc(orders.createdAt) : desc(orders.submittedAt), desc(orders.id))
      .limit(opts.first),
  );
}

export function linesByOrderIds(db: OrdersDb, tenantId: string, orderIds: readonly string[]) {
  return withTenant(db, tenantId, (tx) => linesOf(tx, tenantId, orderIds));
}

export function linesOf(tx: OrdersTx, tenantId: string, orderIds: readonly string[]) {
  return tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.tenantId, tenantId), inArray(orderLines.orderId, [...orderIds])))
    .orderBy(asc(orderLines.createdAt), asc(orderLines.id));
}

export function workflowVersions(db: OrdersDb, tenantId: string, versions: readonly number[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(workflows)
      .where(and(eq(workflows.tenantId, tenantId), inArray(workflows.version, [...versions]))),
  );
}

/** The tenant's order settings; defaults when the tenant was never seeded. */
export async function settingsOf(db: OrdersDb, tenantId: string): Promise<TenantSettingsRow> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    return row ?? { tenantId, packRounding: false, vatRounding: "per_line" as const, currency: "RUB" };
  });
}

// ---------- inside a tenant transaction ----------

/** Locks one order of the scope for the rest of the transaction. */
export async function lockOrder(tx: OrdersTx, scope: OrderScope, id: string): Promise<OrderRow | null> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(inScope(scope), eq(orders.id, id)))
    .for("update");
  return row ?? null;
}

export async function insertOrder(tx: OrdersTx, values: typeof orders.$inferInsert): Promise<OrderRow> {
  const [row] = await tx.insert(orders).values(values).returning();
  if (!row) throw new Error("insert into orders returned no row");
  return row;
}

export async function insertLine(tx: OrdersTx, values: typeof orderLines.$inferInsert): Promise<void> {
  await tx.insert(orderLines).values(values);
}

export async function updateLine(
  tx: OrdersTx,
  tenantId: string,
  lineId: string,
  values: Partial<Omit<typeof orderLines.$inferInsert, "tenantId" | "id" | "orderId">>,
): Promise<void> {
  await tx
    .update(orderLines)
    .set(values)
    .where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.id, lineId)));
}

export async function deleteLine(tx: OrdersTx, tenantId: string, lineId: string): Promise<void> {
  await tx.delete(orderLines).where(and(eq(orderLines.tenantId, tenantId), eq(orderLines.id, lineId)));
}

export async function latestWorkflow(
  tx: OrdersTx,
  tenantId: string,
): Promise<{ version: number; definition: Workflow } | null> {
  const [row] = await tx
    .select({ version: workflows.version, definition: workflows.definition })
    .from(workflows)
    .where(eq(workflows.tenantId, tenantId))
    .orderBy(desc(workflows.version))
    .limit(1);
  return row ?? null;
}

/** The tenant's next order sequence number; the row lock serialises concurrent submissions. */
export async function nextOrderSequence(tx: OrdersTx, tenantId: string): Promise<number> {
  const [row] = await tx
    .insert(orderNumbers)
    .values({ tenantId, last: 1 })
    .onConflictDoUpdate({ target: orderNumbers.tenantId, set: { last: sql`${orderNumbers.last} + 1` } })
    .returning({ last: orderNumbers.last });
  if (!row) throw new Error("order number sequence returned no row");
  return row.last;
}

export async function markSubmitted(
  tx: OrdersTx,
  tenantId: string,
  id: string,
  values: { number: string; statusCode: string; workflowVersion: number; comment: string | null },
): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ ...values, isDraft: false, submittedAt: sql`now()` })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .returning();
  if (!row) throw new Error("submitted order vanished");
  return row;
}

export async function insertOutbox(
  tx: OrdersTx,
  values: { tenantId: string; id: string; topic: string; payload: Record<string, unknown> },
): Promise<void> {
  await tx.insert(outbox).values(values);
}
