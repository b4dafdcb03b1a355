import { withTenant } from "@dpp/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { InventoryDb } from "../server.ts";
import { restockSubscriptions } from "./schema.ts";

/** Subscribes (again): a notified subscription waits for the next restock. */
export function subscribeToRestock(db: InventoryDb, tenantId: string, productId: string, userId: string) {
  return withTenant(db, tenantId, async (tx) => {
    await tx
      .insert(restockSubscriptions)
      .values({ tenantId, productId, userId })
      .onConflictDoUpdate({
        target: [restockSubscriptions.tenantId, restockSubscriptions.productId, restockSubscriptions.userId],
        set: { notifiedEventId: null, notifiedAt: null, createdAt: sql`now()` },
      });
  });
}

export function unsubscribeFromRestock(db: InventoryDb, tenantId: string, productId: string, userId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const gone = await tx
      .delete(restockSubscriptions)
      .where(
        and(
          eq(restockSubscriptions.tenantId, tenantId),
          eq(restockSubscriptions.productId, productId),
          eq(restockSubscriptions.userId, userId),
        ),
      )
      .returning({ notifiedAt: restockSubscriptions.notifiedAt });
    return gone.some((r) => r.notifiedAt === null);
  });
}

/** Whether the user waits for these products (a restock not yet mailed). */
export function waitingSubscriptions(db: InventoryDb, tenantId: string, userId: string, productIds: readonly string[]) {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx
      .select({ productId: restockSubscriptions.productId })
      .from(restockSubscriptions)
      .where(
        and(
          eq(restockSubscriptions.tenantId, tenantId),
          eq(restockSubscriptions.userId, userId),
          isNull(restockSubscriptions.notifiedAt),
          sql`${restockSubscriptions.productId} in (select jsonb_array_elements_text(${JSON.stringify(productIds)}::jsonb))`,
        ),
      );
    return new Set(rows.map((r) => r.productId));
  });
}

/**
 * Marks the product's waiting subscriptions as notified by this event and returns their users.
 * Idempotent by event: a repeat returns the same users (and claims nobody new), so a retried
 * mail job mails the same people and a later subscriber waits for the next restock.
 */
export function claimRestockSubscribers(db: InventoryDb, tenantId: string, productId: string, eventId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [done] = await tx
      .select({ userId: restockSubscriptions.userId })
      .from(restockSubscriptions)
      .where(and(eq(restockSubscriptions.tenantId, tenantId), eq(restockSubscriptions.notifiedEventId, eventId)))
      .limit(1);
    if (!done) {
      await tx
        .update(restockSubscriptions)
        .set({ notifiedEventId: eventId, notifiedAt: sql`now()` })
        .where(
          and(
            eq(restockSubscriptions.tenantId, tenantId),
            eq(restockSubscriptions.productId, productId),
            isNull(restockSubscriptions.notifiedAt),
          ),
        );
    }
    const rows = await tx
      .select({ userId: restockSubscriptions.userId })
      .from(restockSubscriptions)
      .where(and(eq(restockSubscriptions.tenantId, tenantId), eq(restockSubscriptions.notifiedEventId, eventId)))
      .orderBy(restockSubscriptions.userId);
    return rows.map((r) => r.userId);
  });
}
