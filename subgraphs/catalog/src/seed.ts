import { withTenant } from "@dpp/db";
import {
  counterpartyDiscounts,
  discounts,
  infoPages,
  maintenanceBanners,
  personalPrices,
  priceSettings,
  priceTiers,
  products,
  promotions,
  tierAssignments,
  turnoverTiers,
  vatRates,
} from "./db/schema.ts";
import type { CatalogSeedTenant } from "./seed-types.ts";
import type { CatalogDb } from "./server.ts";

export type { CatalogSeedTenant } from "./seed-types.ts";

const CHUNK = 500;

/** Idempotent: inserts what is missing, leaves existing rows alone. */
export async function seedCatalog(db: CatalogDb, tenants: CatalogSeedTenant[]): Promise<void> {
  for (const t of tenants) {
    await withTenant(db, t.id, async (tx) => {
      await tx
        .insert(priceSettings)
        .values({
          tenantId: t.id,
          currency: t.pricing.currency,
          vatRateBp: t.pricing.vatRateBp,
          pricesIncludeVat: t.pricing.pricesIncludeVat ? "included" : "excluded",
          ...(t.catalog
            ? {
                navigation: t.catalog.navigation,
                minSearchChars: t.catalog.minSearchChars,
                presentations: t.catalog.presentations ?? false,
              }
            : {}),
        })
        .onConflictDoNothing();
      for (let i = 0; i < t.products.length; i += CHUNK) {
        const chunk = t.products.slice(i, i + CHUNK).map((p) => ({ ...p, tenantId: t.id }));
        await tx.insert(products).values(chunk).onConflictDoNothing();
      }
      const rows = <T>(xs: T[] | undefined) => (xs ?? []).map((x) => ({ ...x, tenantId: t.id }));
      const put = async <T>(table: Parameters<typeof tx.insert>[0], xs: T[] | undefined) => {
        const values = rows(xs);
        for (let i = 0; i < values.length; i += CHUNK) {
          await tx
            .insert(table)
            // One helper over several tables, each with its own row type (checked by CatalogSeedTenant).
            .values(values.slice(i, i + CHUNK) as never)
            .onConflictDoNothing();
        }
      };
      await put(discounts, t.discounts);
      await put(counterpartyDiscounts, t.counterpartyDiscounts);
      await put(vatRates, t.vatRates);
      await put(priceTiers, t.priceTiers);
      await put(tierAssignments, t.tierAssignments);
      await put(turnoverTiers, t.turnoverTiers);
      await put(personalPrices, t.personalPrices);
      await put(promotions, t.promotions);
      await put(infoPages, t.infoPages);
      await put(maintenanceBanners, t.maintenanceBanner ? [t.maintenanceBanner] : []);
    });
  }
}
