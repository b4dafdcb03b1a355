import { withTenant } from "@dpp/db";
import { discounts, priceSettings, products } from "./db/schema.ts";
import type { CatalogDb } from "./server.ts";

export interface CatalogSeedTenant {
  id: string;
  pricing: { currency: string; vatRateBp: number; pricesIncludeVat: boolean };
  products: Omit<typeof products.$inferInsert, "tenantId" | "createdAt">[];
  discounts: Omit<typeof discounts.$inferInsert, "tenantId">[];
}

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
        })
        .onConflictDoNothing();
      for (let i = 0; i < t.products.length; i += 500) {
        const chunk = t.products.slice(i, i + 500).map((p) => ({ ...p, tenantId: t.id }));
        await tx.insert(products).values(chunk).onConflictDoNothing();
      }
      if (t.discounts.length > 0) {
        await tx
          .insert(discounts)
          .values(t.discounts.map((d) => ({ ...d, tenantId: t.id })))
          .onConflictDoNothing();
      }
    });
  }
}
