import { withTenant } from "@dpp/db";
import { and, eq } from "drizzle-orm";
import type { InventoryDb } from "../server.ts";
import { shipmentSubscriptions } from "./schema.ts";

/** Turns the user's «Уведомлять об отгрузках» on or off for the company they act for; returns the new state. */
export function setShipmentNotifications(
  db: InventoryDb,
  tenantId: string,
  companyId: string,
  userId: string,
  enabled: boolean,
) {
  return withTenant(db, tenantId, async (tx) => {
    if (enabled) await tx.insert(shipmentSubscriptions).values({ tenantId, companyId, userId }).onConflictDoNothing();
    else
      await tx
        .delete(shipmentSubscriptions)
        .where(
          and(
            eq(shipmentSubscriptions.tenantId, tenantId),
            eq(shipmentSubscriptions.companyId, companyId),
            eq(shipmentSubscriptions.userId, userId),
          ),
        );
    return enabled;
  });
}

/** The users of a company mailed for its shipments. */
export function shipmentSubscribers(db: InventoryDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, async (tx) =>
    (
      await tx
        .select({ userId: shipmentSubscriptions.userId })
        .from(shipmentSubscriptions)
        .where(and(eq(shipmentSubscriptions.tenantId, tenantId), eq(shipmentSubscriptions.companyId, companyId)))
        .orderBy(shipmentSubscriptions.userId)
    ).map((r) => r.userId),
  );
}
