import { withTenant } from "@dpp/db";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { LineReadiness } from "../domain/readiness.ts";
import type { InventoryDb } from "../server.ts";
import { lineReadiness, shipmentLines, shipments } from "./schema.ts";

/** The most orders one report reads (the most recently reported or shipped). */
export const REPORT_ORDER_LIMIT = 500;

/**
 * Stores the ERP's rows (absolute: a repeat changes nothing) in one transaction; returns how
 * many rows differed from what was stored.
 */
export function upsertReadiness(db: InventoryDb, tenantId: string, rows: readonly LineReadiness[]) {
  return withTenant(db, tenantId, async (tx) => {
    let changed = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map((r) => ({ ...r, tenantId }));
      const written = await tx
        .insert(lineReadiness)
        .values(values)
        .onConflictDoUpdate({
          target: [lineReadiness.tenantId, lineReadiness.orderId, lineReadiness.productId],
          set: {
            companyId: sql`excluded.company_id`,
            status: sql`excluded.status`,
            readyQuantity: sql`excluded.ready_quantity`,
            guaranteedDate: sql`excluded.guaranteed_date`,
            readyDate: sql`excluded.ready_date`,
            warehouseId: sql`excluded.warehouse_id`,
            updatedAt: sql`now()`,
          },
          // Only rows that differ are touched (and counted).
          setWhere: sql`(${lineReadiness.status}, ${lineReadiness.readyQuantity}, ${lineReadiness.guaranteedDate},
            ${lineReadiness.readyDate}, ${lineReadiness.warehouseId}) is distinct from
            (excluded.status, excluded.ready_quantity, excluded.guaranteed_date, excluded.ready_date, excluded.warehouse_id)`,
        })
        .returning({ orderId: lineReadiness.orderId });
      changed += written.length;
    }
    return changed;
  });
}

/**
 * A dealer company's orders inventory knows of (the ERP reported a line, or a waybill carries
 * one), most recently touched first, with their readiness rows and shipped quantities.
 */
export function companyReadiness(db: InventoryDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const known = await tx.execute<{ order_id: string }>(sql`
      select order_id from (
        select order_id, max(updated_at) as at from inventory.line_readiness
          where tenant_id = ${tenantId} and company_id = ${companyId} group by order_id
        union all
        select l.order_id, max(s.created_at) from inventory.shipment_lines l
          join inventory.shipments s on s.tenant_id = l.tenant_id and s.id = l.shipment_id
          where s.tenant_id = ${tenantId} and s.company_id = ${companyId} group by l.order_id
      ) k group by order_id order by max(at) desc limit ${REPORT_ORDER_LIMIT}`);
    const orderIds = known.map((r) => r.order_id);
    if (orderIds.length === 0) return { orderIds, records: [], shipped: new Map<string, number>() };
    const records = await tx
      .select()
      .from(lineReadiness)
      .where(and(eq(lineReadiness.tenantId, tenantId), inArray(lineReadiness.orderId, orderIds)));
    const sums = await tx
      .select({
        orderId: shipmentLines.orderId,
        productId: shipmentLines.productId,
        quantity: sql<number>`sum(${shipmentLines.quantity})::int`,
      })
      .from(shipmentLines)
      .where(and(eq(shipmentLines.tenantId, tenantId), inArray(shipmentLines.orderId, orderIds)))
      .groupBy(shipmentLines.orderId, shipmentLines.productId);
    const shipped = new Map(sums.map((s) => [`${s.orderId}\u0000${s.productId}`, s.quantity]));
    return { orderIds, records, shipped };
  });
}

/** A dealer company's shipments, newest first. */
export function companyShipments(db: InventoryDb, tenantId: string, companyId: string, limit: number) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.companyId, companyId)))
      .orderBy(desc(shipments.date), desc(shipments.id))
      .limit(limit),
  );
}
