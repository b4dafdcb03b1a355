import { withTenant } from "@dpp/db";
import { and, asc, eq, gt, ilike, inArray, or } from "drizzle-orm";
import type { CatalogDb } from "../server.ts";
import { discounts, priceSettings, products } from "./schema.ts";

export type ProductRow = typeof products.$inferSelect;

export function productsByIds(db: CatalogDb, tenantId: string, ids: readonly string[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...ids]))),
  );
}

export function productByArticle(db: CatalogDb, tenantId: string, article: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(products)
      .where(and(eq(products.tenantId, tenantId), eq(products.article, article)));
    return row ?? null;
  });
}

/** Article prefix or name substring, ordered by article; keyset pagination on article. */
export function searchProducts(
  db: CatalogDb,
  tenantId: string,
  opts: { search: string | null; first: number; afterArticle: string | null },
) {
  return withTenant(db, tenantId, (tx) => {
    const conditions = [eq(products.tenantId, tenantId)];
    const q = opts.search?.trim();
    if (q) {
      const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
      const m = or(ilike(products.article, `${escaped}%`), ilike(products.name, `%${escaped}%`));
      if (m) conditions.push(m);
    }
    if (opts.afterArticle !== null) conditions.push(gt(products.article, opts.afterArticle));
    return tx
      .select()
      .from(products)
      .where(and(...conditions))
      .orderBy(asc(products.article))
      .limit(opts.first + 1);
  });
}

export function discountRules(db: CatalogDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(discounts)
      .where(and(eq(discounts.tenantId, tenantId), eq(discounts.companyId, companyId))),
  );
}

export async function tenantPriceSettings(db: CatalogDb, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(priceSettings).where(eq(priceSettings.tenantId, tenantId));
    return row ?? { tenantId, currency: "RUB", vatRateBp: 2000, pricesIncludeVat: "included" as const };
  });
}
