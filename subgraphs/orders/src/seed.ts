import { withTenant } from "@dpp/db";
import type { TenantDefinition } from "@dpp/tenant";
import { tenantSettings, workflows } from "./db/schema.ts";
import type { OrdersDb } from "./server.ts";

export interface OrdersSeedTenant {
  id: string;
  /** A full TenantDefinition fits; orders reads only these parts. */
  definition: Pick<TenantDefinition, "workflow" | "features" | "pricing">;
}

/** Idempotent: workflow version 1 and the order settings, unless the tenant already has them. */
export async function seedOrders(db: OrdersDb, tenants: OrdersSeedTenant[]): Promise<void> {
  for (const t of tenants) {
    await withTenant(db, t.id, async (tx) => {
      await tx
        .insert(workflows)
        .values({ tenantId: t.id, version: 1, definition: t.definition.workflow })
        .onConflictDoNothing();
      await tx
        .insert(tenantSettings)
        .values({
          tenantId: t.id,
          packRounding: t.definition.features.packRounding,
          vatRounding: t.definition.pricing.vatRounding,
          currency: t.definition.pricing.currency,
        })
        .onConflictDoNothing();
    });
  }
}
