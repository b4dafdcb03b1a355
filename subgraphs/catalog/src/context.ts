import type { Actor } from "@dpp/auth";
import { requireTenant } from "@dpp/server";
import DataLoader from "dataloader";
import { discountRules, type ProductRow, productsByIds, tenantPriceSettings } from "./db/queries.ts";
import { type DiscountRule, discountFor, priceFor } from "./domain/pricing.ts";
import type { CatalogDb } from "./server.ts";

/**
 * Per-request context. Loaders are created for every request and bound to the caller's
 * tenant, so nothing cached here can ever be read by another tenant.
 */
export function createContext(db: CatalogDb, actor: Actor) {
  const tenantOf = () => requireTenant(actor);
  const productLoader = new DataLoader<string, ProductRow | null>(async (ids) => {
    const rows = await productsByIds(db, tenantOf(), ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  let settings: ReturnType<typeof tenantPriceSettings> | undefined;
  let rules: Promise<DiscountRule[]> | undefined;
  const companyId = actor.kind === "user" ? actor.companyId : null;

  return {
    db,
    actor,
    tenantId: tenantOf,
    loaders: { product: productLoader },
    /** The viewer's price of a product, computed on the server. */
    async priceOf(product: ProductRow) {
      settings ??= tenantPriceSettings(db, tenantOf());
      rules ??= companyId ? discountRules(db, tenantOf(), companyId) : Promise.resolve([]);
      const [s, r] = await Promise.all([settings, rules]);
      const today = new Date().toISOString().slice(0, 10);
      const priced = priceFor({
        basePrice: product.basePrice,
        discountBp: discountFor(r, product.priceGroup, today),
        vatRateBp: s.vatRateBp,
        pricesIncludeVat: s.pricesIncludeVat === "included",
      });
      return {
        ...priced,
        currency: s.currency,
        vatRateBp: s.vatRateBp,
        vatIncluded: s.pricesIncludeVat === "included",
      };
    },
  };
}

export type CatalogContext = ReturnType<typeof createContext>;
