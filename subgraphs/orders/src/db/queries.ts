import { withTenant } from "@dpp/db";
import type { Workflow } from "@dpp/tenant";
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { OrdersDb } from "../server.ts";
import {
  activeDrafts,
  orderComments,
  orderLines,
  orderNumbers,
  orders,
  outbox,
  tenantSettings,
  workflows,
} from "./schema.ts";

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderCommentRow = typeof orderComments.$inferSelect;
export type TenantSettingsRow = typeof tenantSettings.$inferSelect;
export type OrdersTx = Parameters<Parameters<OrdersDb["transaction"]>[0]>[0];

/**
 * Whose orders a caller sees: one company's, or (staff, services) the whole tenant's; with
 * `userId`, only the orders that user created (the right «только свои заказы»).
 */
export interface OrderScope {
  tenantId: string;
  companyId: string | null;
  userId?: string | null;
}

const inScope = (scope: OrderScope) =>
  and(
    eq(orders.tenantId, scope.tenantId),
    scope.companyId === null ? undefined : eq(orders.companyId, scope.companyId),
    scope.userId ? eq(orders.userId, scope.userId) : undefined,
  );

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
    return (
      row ?? {
        tenantId,
        packRounding: false,
        vatRounding: "per_line" as const,
        currency: "RUB",
        reserveHoldHours: null,
        multipleDrafts: true,
        orderUpToStock: false,
        checkout: null,
      }
    );
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
  values: {
    number: string;
    statusCode: string;
    workflowVersion: number;
    comment: string | null;
    customerNumber: string | null;
    submissionKey: string | null;
    submissionFingerprint: string | null;
    counterpartyId: string | null;
    checkout: OrderRow["checkout"];
  },
): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ ...values, isDraft: false, submittedAt: sql`now()`, statusChangedAt: sql`now()` })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .returning();
  if (!row) throw new Error("submitted order vanished");
  return row;
}

/** Moves an order to its next status (with what the transition changed); the caller holds the row lock. */
export async function setStatus(
  tx: OrdersTx,
  tenantId: string,
  id: string,
  values: Pick<typeof orders.$inferInsert, "statusCode" | "cancelReason" | "stockReserved" | "reservedUntil">,
): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ ...values, statusChangedAt: sql`now()` })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .returning();
  if (!row) throw new Error("order vanished while changing status");
  return row;
}

export async function insertOutbox(
  tx: OrdersTx,
  values: { tenantId: string; id: string; topic: string; payload: Record<string, unknown> },
): Promise<void> {
  await tx.insert(outbox).values(values);
}

export async function workflowOf(tx: OrdersTx, tenantId: string, version: number): Promise<Workflow | null> {
  const [row] = await tx
    .select({ definition: workflows.definition })
    .from(workflows)
    .where(and(eq(workflows.tenantId, tenantId), eq(workflows.version, version)));
  return row?.definition ?? null;
}

/** A manager's orders: taken by `userId` (MINE), nobody's yet (POOL) or all submitted (ALL). */
export function managerOrders(
  db: OrdersDb,
  tenantId: string,
  opts: { view: "MINE" | "POOL" | "ALL"; userId: string; first: number },
) {
  const view =
    opts.view === "MINE"
      ? eq(orders.managerUserId, opts.userId)
      : opts.view === "POOL"
        ? isNull(orders.managerUserId)
        : undefined;
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(orders)
      .where(and(eq(orders.tenantId, tenantId), eq(orders.isDraft, false), view))
      .orderBy(desc(orders.submittedAt), desc(orders.id))
      .limit(opts.first),
  );
}

export async function setManager(tx: OrdersTx, tenantId: string, id: string, userId: string): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ managerUserId: userId })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .returning();
  if (!row) throw new Error("order vanished while being taken");
  return row;
}

export async function insertComment(tx: OrdersTx, values: typeof orderComments.$inferInsert): Promise<OrderCommentRow> {
  const [row] = await tx.insert(orderComments).values(values).returning();
  if (!row) throw new Error("insert into order_comments returned no row");
  return row;
}

export function commentsOf(tx: OrdersTx, tenantId: string, orderId: string) {
  return tx
    .select()
    .from(orderComments)
    .where(and(eq(orderComments.tenantId, tenantId), eq(orderComments.orderId, orderId)))
    .orderBy(asc(orderComments.createdAt), asc(orderComments.id));
}

/** The company's order submitted with this idempotency key, if any. */
export async function orderBySubmissionKey(tx: OrdersTx, scope: OrderScope, key: string): Promise<OrderRow | null> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(inScope(scope), eq(orders.submissionKey, key)));
  return row ?? null;
}

/** The user's active draft for the company, if it is still a draft. */
export async function activeDraftOf(tx: OrdersTx, d: { tenantId: string; userId: string; companyId: string }) {
  const [row] = await tx
    .select({ order: orders })
    .from(activeDrafts)
    .innerJoin(orders, and(eq(orders.tenantId, activeDrafts.tenantId), eq(orders.id, activeDrafts.orderId)))
    .where(
      and(
        eq(activeDrafts.tenantId, d.tenantId),
        eq(activeDrafts.userId, d.userId),
        eq(activeDrafts.companyId, d.companyId),
        eq(orders.isDraft, true),
      ),
    );
  return row?.order ?? null;
}

export async function setActiveDraft(
  tx: OrdersTx,
  d: { tenantId: string; userId: string; companyId: string },
  orderId: string,
): Promise<void> {
  await tx
    .insert(activeDrafts)
    .values({ ...d, orderId })
    .onConflictDoUpdate({
      target: [activeDrafts.tenantId, activeDrafts.userId, activeDrafts.companyId],
      set: { orderId },
    });
}

/** The company's newest draft (the cart of a tenant with one draft per company). */
export async function newestDraft(tx: OrdersTx, scope: OrderScope): Promise<OrderRow | null> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(inScope(scope), eq(orders.isDraft, true)))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(1)
    .for("update");
  return row ?? null;
}

export async function renameOrder(tx: OrdersTx, tenantId: string, id: string, name: string | null): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ name })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .returning();
  if (!row) throw new Error("order vanished while renaming");
  return row;
}

export async function deleteOrder(tx: OrdersTx, tenantId: string, id: string): Promise<void> {
  await tx.delete(orders).where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)));
}

export interface OrderListQuery {
  selection: { kind: "drafts" } | { kind: "statuses"; statusCodes: string[] } | { kind: "tracked" } | null;
  statusCodes: string[] | null;
  search: string | null;
  from: Date | null;
  to: Date | null;
  first: number;
}

/** A company's orders for a list: a tab's selection, statuses, a search in numbers, a date range; newest first. */
export function filteredOrders(db: OrdersDb, scope: OrderScope, q: OrderListQuery) {
  const sel = q.selection;
  const when = sql`coalesce(${orders.submittedAt}, ${orders.createdAt})`;
  const like = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    inScope(scope),
    sel?.kind === "drafts" ? eq(orders.isDraft, true) : sel ? eq(orders.isDraft, false) : undefined,
    sel?.kind === "statuses" ? inArray(orders.statusCode, sel.statusCodes) : undefined,
    sel?.kind === "tracked" ? eq(orders.tracked, true) : undefined,
    q.statusCodes ? inArray(orders.statusCode, q.statusCodes) : undefined,
    like
      ? or(
          ilike(orders.number, like),
          ilike(orders.erpNumber, like),
          ilike(orders.customerNumber, like),
          ilike(orders.name, like),
        )
      : undefined,
    q.from ? sql`${when} >= ${q.from.toISOString()}::timestamptz` : undefined,
    q.to ? sql`${when} < ${q.to.toISOString()}::timestamptz` : undefined,
  );
  return withTenant(db, scope.tenantId, (tx) =>
    tx.select().from(orders).where(where).orderBy(desc(when), desc(orders.id)).limit(q.first),
  );
}

/** Per-status counts of a company's orders (tabs count from them). */
export function orderGroups(db: OrdersDb, scope: OrderScope) {
  return withTenant(db, scope.tenantId, (tx) =>
    tx
      .select({
        isDraft: orders.isDraft,
        statusCode: orders.statusCode,
        tracked: orders.tracked,
        count: sql<number>`count(*)::int`,
      })
      .from(orders)
      .where(inScope(scope))
      .groupBy(orders.isDraft, orders.statusCode, orders.tracked),
  );
}

export async function updateOrder(
  tx: OrdersTx,
  tenantId: string,
  id: string,
  values: Pick<Partial<typeof orders.$inferInsert>, "tracked" | "erpNumber">,
): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set(values)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, id)))
    .returning();
  if (!row) throw new Error("order vanished while updating");
  return row;
}
