import { newId, withTenant } from "@dpp/db";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { ShipmentInput } from "../domain/shipment.ts";
import type { InventoryDb } from "../server.ts";
import { outbox, shipmentLines, shipments } from "./schema.ts";

export const SHIPMENT_CREATED = "shipment.created";

export type ShipmentRow = typeof shipments.$inferSelect;

/**
 * Records a shipment and its lines with a `shipment.created` event, in one transaction.
 * Idempotent by number: a repeat (an ERP retry) returns the shipment already recorded.
 */
export function createShipment(
  db: InventoryDb,
  tenantId: string,
  input: ShipmentInput,
  buyer: { companyId: string; amount: number; currency: string },
): Promise<{ shipment: ShipmentRow; created: boolean }> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .insert(shipments)
      .values({
        tenantId,
        id: newId("shp"),
        number: input.number.trim(),
        date: input.date,
        consignee: input.consignee ?? "",
        address: input.address ?? "",
        deliveryMethod: input.deliveryMethod ?? "",
        ...buyer,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const [existing] = await tx
        .select()
        .from(shipments)
        .where(and(eq(shipments.tenantId, tenantId), eq(shipments.number, input.number.trim())));
      if (!existing) throw new Error("shipment vanished");
      return { shipment: existing, created: false };
    }
    await tx.insert(shipmentLines).values(input.lines.map((l) => ({ ...l, tenantId, shipmentId: row.id })));
    const orderIds = [...new Set(input.lines.map((l) => l.orderId))].sort();
    await tx.insert(outbox).values({
      tenantId,
      id: newId("evt"),
      topic: SHIPMENT_CREATED,
      payload: { shipmentId: row.id, number: row.number, orderIds, date: row.date, companyId: buyer.companyId },
    });
    return { shipment: row, created: true };
  });
}

export function shipmentLinesOf(db: InventoryDb, tenantId: string, shipmentIds: readonly string[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(shipmentLines)
      .where(and(eq(shipmentLines.tenantId, tenantId), inArray(shipmentLines.shipmentId, [...shipmentIds])))
      .orderBy(asc(shipmentLines.orderId), asc(shipmentLines.productId)),
  );
}

/** Shipments carrying any line of these orders, newest first. */
export function shipmentsOfOrders(db: InventoryDb, tenantId: string, orderIds: readonly string[]) {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx
      .selectDistinct({ shipment: shipments, orderId: shipmentLines.orderId })
      .from(shipmentLines)
      .innerJoin(
        shipments,
        and(eq(shipments.tenantId, shipmentLines.tenantId), eq(shipments.id, shipmentLines.shipmentId)),
      )
      .where(and(eq(shipmentLines.tenantId, tenantId), inArray(shipmentLines.orderId, [...orderIds])))
      .orderBy(desc(shipments.date), desc(shipments.id));
    return rows;
  });
}

/** One shipment of the tenant; null when there is none. */
export function shipmentById(db: InventoryDb, tenantId: string, id: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.id, id)));
    return row ?? null;
  });
}

/** The tenant's latest shipments (staff and the ERP). */
export function latestShipments(db: InventoryDb, tenantId: string, limit: number) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(shipments)
      .where(eq(shipments.tenantId, tenantId))
      .orderBy(desc(shipments.date), desc(shipments.id))
      .limit(limit),
  );
}
