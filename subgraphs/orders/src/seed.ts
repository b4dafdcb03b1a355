import { isDeepStrictEqual } from "node:util";
import { withTenant } from "@dpp/db";
import type { TenantDefinition } from "@dpp/tenant";
import { latestWorkflow } from "./db/queries.ts";
import { tenantSettings, workflows } from "./db/schema.ts";
import type { OrdersDb } from "./server.ts";

export interface OrdersSeedTenant {
  id: string;
  /** A full TenantDefinition fits; orders reads only these parts. */
  definition: Pick<TenantDefinition, "workflow" | "features" | "pricing" | "checkout">;
}

/** The order settings a tenant definition gives (tenant_settings without the key). */
export function orderSettingsOf(d: OrdersSeedTenant["definition"]) {
  return {
    packRounding: d.features.packRounding,
    multipleDrafts: d.features.multipleDrafts,
    vatRounding: d.pricing.vatRounding,
    currency: d.pricing.currency,
    reserveHoldHours: d.features.reserveHoldHours ?? null,
    orderUpToStock: d.features.orderUpToStock ?? false,
    checkout: d.checkout ?? null,
  };
}

/**
 * Idempotent: the tenant's workflow as a new version when it differs from the latest one (orders
 * already submitted keep theirs), and the order settings.
 */
export async function seedOrders(db: OrdersDb, tenants: OrdersSeedTenant[]): Promise<void> {
  for (const t of tenants) {
    await withTenant(db, t.id, async (tx) => {
      const latest = await latestWorkflow(tx, t.id);
      if (!latest || !isDeepStrictEqual(latest.definition, t.definition.workflow)) {
        await tx
          .insert(workflows)
          .values({ tenantId: t.id, version: (latest?.version ?? 0) + 1, definition: t.definition.workflow })
          .onConflictDoNothing();
      }
      const settings = orderSettingsOf(t.definition);
      await tx
        .insert(tenantSettings)
        .values({ tenantId: t.id, ...settings })
        .onConflictDoUpdate({ target: tenantSettings.tenantId, set: settings });
    });
  }
}
