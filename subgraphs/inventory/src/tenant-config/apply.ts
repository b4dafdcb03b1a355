import { withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import { parseTenantDefinition } from "@dpp/tenant";
import { eq } from "drizzle-orm";
import type { InventoryContext } from "../context.ts";
import { leadTimeSettings, stockDisplay, tenantConfig } from "../db/schema.ts";
import { seedInventory } from "../seed.ts";

/**
 * Inventory's part of a tenant definition (decision 0018): a new tenant gets its settings through
 * the seed code; an existing one has its stock display, low-stock threshold and lead times brought
 * up to the definition. Skipped (false) when this version or a later one is already applied.
 */
export async function applyTenantDefinition(ctx: InventoryContext, input: unknown, version: number): Promise<boolean> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  const tenantId = requireTenant(ctx.actor);
  const { features } = parseTenantDefinition(input);
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [applied] = await tx.select().from(tenantConfig).where(eq(tenantConfig.tenantId, tenantId)).for("update");
    if (applied && applied.version >= version) return false;
    await seedInventory(tx as unknown as Parameters<typeof seedInventory>[0], [
      { id: tenantId, features, warehouses: [], stock: [] },
    ]);
    const policy = features.stockDisplay;
    await tx
      .update(stockDisplay)
      .set({
        mode: policy.mode,
        threshold: policy.mode === "threshold" ? policy.threshold : null,
        lowStockThreshold: features.lowStockThreshold ?? null,
      })
      .where(eq(stockDisplay.tenantId, tenantId));
    const lead = features.leadTime;
    if (lead) {
      const { shippingDays, replenishmentDays, calendar } = lead;
      await tx
        .update(leadTimeSettings)
        .set({ shippingDays, replenishmentDays, calendar })
        .where(eq(leadTimeSettings.tenantId, tenantId));
    } else {
      await tx.delete(leadTimeSettings).where(eq(leadTimeSettings.tenantId, tenantId));
    }
    await tx
      .insert(tenantConfig)
      .values({ tenantId, version })
      .onConflictDoUpdate({ target: tenantConfig.tenantId, set: { version, appliedAt: new Date() } });
    return true;
  });
}

export const tenantConfigResolvers = {
  Mutation: {
    applyTenantDefinition: (_: unknown, a: { definition: unknown; version: number }, ctx: InventoryContext) =>
      applyTenantDefinition(ctx, a.definition, a.version),
  },
};
