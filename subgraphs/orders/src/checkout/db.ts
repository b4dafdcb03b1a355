import { newId, withTenant } from "@dpp/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { OrdersTx } from "../db/queries.ts";
import { deliveryAddresses, orders } from "../db/schema.ts";
import type { NormalizedCheckout } from "../domain/checkout.ts";
import type { OrdersDb } from "../server.ts";

export type DeliveryAddressRow = typeof deliveryAddresses.$inferSelect;

interface CompanyScope {
  tenantId: string;
  companyId: string;
}

/** Inside the submitting transaction: saves a new address for the company, or marks a known one used now. */
export async function rememberAddress(tx: OrdersTx, scope: CompanyScope, address: string): Promise<void> {
  await tx
    .insert(deliveryAddresses)
    .values({ tenantId: scope.tenantId, id: newId("adr"), companyId: scope.companyId, address })
    .onConflictDoUpdate({
      target: [deliveryAddresses.tenantId, deliveryAddresses.companyId, deliveryAddresses.address],
      set: { lastUsedAt: sql`now()` },
    });
}

/** The company's saved addresses, the last used first. */
export function addressesOf(db: OrdersDb, scope: CompanyScope): Promise<DeliveryAddressRow[]> {
  return withTenant(db, scope.tenantId, (tx) =>
    tx
      .select()
      .from(deliveryAddresses)
      .where(and(eq(deliveryAddresses.tenantId, scope.tenantId), eq(deliveryAddresses.companyId, scope.companyId)))
      .orderBy(desc(deliveryAddresses.lastUsedAt), desc(deliveryAddresses.id))
      .limit(100),
  );
}

/** Deletes one of the company's saved addresses; false when it has none with that id. */
export async function deleteAddress(db: OrdersDb, scope: CompanyScope, id: string): Promise<boolean> {
  const rows = await withTenant(db, scope.tenantId, (tx) =>
    tx
      .delete(deliveryAddresses)
      .where(
        and(
          eq(deliveryAddresses.tenantId, scope.tenantId),
          eq(deliveryAddresses.companyId, scope.companyId),
          eq(deliveryAddresses.id, id),
        ),
      )
      .returning({ id: deliveryAddresses.id }),
  );
  return rows.length > 0;
}

/** Keeps a draft's checkout values (the caller has locked the draft); the order as it is now. */
export async function storeDraftCheckout(tx: OrdersTx, tenantId: string, orderId: string, values: NormalizedCheckout) {
  const [row] = await tx
    .update(orders)
    .set({ draftCheckout: values })
    .where(and(eq(orders.tenantId, tenantId), eq(orders.id, orderId)))
    .returning();
  if (!row) throw new Error(`orders: draft ${orderId} vanished while locked`);
  return row;
}
