import { withTenant } from "@dpp/db";
import { forbidden, requireTenant } from "@dpp/server";
import { parseTenantDefinition } from "@dpp/tenant";
import { eq } from "drizzle-orm";
import type { CatalogContext as Context } from "../context.ts";
import { priceSettings, tenantConfig } from "../db/schema.ts";
import { seedCatalog } from "../seed.ts";

/**
 * The catalog's part of a tenant definition (decision 0018): a new tenant gets its price settings
 * through the seed code; an existing one has them brought up to the definition. Skipped (false)
 * when this version or a later one is already applied.
 */
export async function applyTenantDefinition(ctx: Context, input: unknown, version: number): Promise<boolean> {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  const tenantId = requireTenant(ctx.actor);
  const d = parseTenantDefinition(input);
  const pricing = {
    currency: d.pricing.currency,
    vatRateBp: d.pricing.vatRateBp,
    pricesIncludeVat: d.pricing.pricesIncludeVat,
  };
  const catalog = {
    navigation: d.features.navigation,
    minSearchChars: d.features.minSearchChars,
    presentations: d.features.presentations ?? false,
  };
  return withTenant(ctx.db, tenantId, async (tx) => {
    const [applied] = await tx.select().from(tenantConfig).where(eq(tenantConfig.tenantId, tenantId)).for("update");
    if (applied && applied.version >= version) return false;
    await seedCatalog(tx as unknown as Parameters<typeof seedCatalog>[0], [
      { id: tenantId, pricing, catalog, products: [], discounts: [] },
    ]);
    await tx
      .update(priceSettings)
      .set({ ...pricing, pricesIncludeVat: pricing.pricesIncludeVat ? "included" : "excluded", ...catalog })
      .where(eq(priceSettings.tenantId, tenantId));
    await tx
      .insert(tenantConfig)
      .values({ tenantId, version })
      .onConflictDoUpdate({ target: tenantConfig.tenantId, set: { version, appliedAt: new Date() } });
    return true;
  });
}

export const tenantConfigResolvers = {
  Mutation: {
    applyTenantDefinition: (_: unknown, a: { definition: unknown; version: number }, ctx: Context) =>
      applyTenantDefinition(ctx, a.definition, a.version),
  },
};
