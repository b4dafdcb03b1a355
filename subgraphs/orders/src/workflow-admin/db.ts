import type { Workflow } from "@dpp/tenant";
import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { OrdersTx } from "../db/queries.ts";
import { orders, workflows } from "../db/schema.ts";
import { inFlight } from "./migration.ts";

export type WorkflowVersionRow = typeof workflows.$inferSelect;

/** Every version of the tenant's workflow, newest first. */
export function allVersions(tx: OrdersTx, tenantId: string): Promise<WorkflowVersionRow[]> {
  return tx.select().from(workflows).where(eq(workflows.tenantId, tenantId)).orderBy(desc(workflows.version));
}

/** A new version; null when another save took the number first. */
export async function insertVersion(
  tx: OrdersTx,
  row: { tenantId: string; version: number; definition: Workflow; authorUserId: string; comment: string | null },
): Promise<WorkflowVersionRow | null> {
  const [saved] = await tx.insert(workflows).values(row).onConflictDoNothing().returning();
  return saved ?? null;
}

/** Submitted orders per (version, status): how many orders each version still carries. */
export function ordersPerStatus(tx: OrdersTx, tenantId: string) {
  return tx
    .select({ version: orders.workflowVersion, statusCode: orders.statusCode, count: sql<number>`count(*)::int` })
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.isDraft, false)))
    .groupBy(orders.workflowVersion, orders.statusCode);
}

/**
 * The in-flight orders of versions other than `toVersion` (their status active in their own
 * version), oldest number first; with `lock`, locked for the migrating transaction.
 */
export async function inFlightOrders(
  tx: OrdersTx,
  tenantId: string,
  versions: readonly { version: number; definition: Workflow }[],
  toVersion: number,
  lock: boolean,
) {
  const pairs = versions
    .filter((v) => v.version !== toVersion)
    .map((v) => ({
      version: v.version,
      codes: v.definition.statuses.filter((s) => inFlight(v.definition, s.code)).map((s) => s.code),
    }))
    .filter((p) => p.codes.length > 0)
    .map((p) => and(eq(orders.workflowVersion, p.version), inArray(orders.statusCode, p.codes)));
  if (pairs.length === 0) return [];
  const q = tx
    .select({
      id: orders.id,
      number: orders.number,
      statusCode: orders.statusCode,
      workflowVersion: orders.workflowVersion,
    })
    .from(orders)
    .where(
      and(
        eq(orders.tenantId, tenantId),
        eq(orders.isDraft, false),
        ne(orders.workflowVersion, toVersion),
        or(...pairs),
      ),
    )
    .orderBy(orders.submittedAt, orders.id);
  const rows = lock ? await q.for("update") : await q;
  return rows.flatMap((r) => (r.workflowVersion === null ? [] : [{ ...r, workflowVersion: r.workflowVersion }]));
}

/** Moves one order to `version`, with the status it takes there. */
export async function moveToVersion(
  tx: OrdersTx,
  tenantId: string,
  orderId: string,
  version: number,
  statusCode: string,
  statusChanged: boolean,
) {
  await tx
    .update(orders)
    .set({
      workflowVersion: version,
      statusCode,
      ...(statusChanged ? { statusChangedAt: new Date() } : {}),
    })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)));
}
