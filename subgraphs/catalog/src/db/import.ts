import { newId, withTenant } from "@dpp/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ImportRow } from "../domain/product-import.ts";
import type { CatalogDb } from "../server.ts";
import { products } from "./schema.ts";

/** Which of these articles the tenant already has. */
export async function existingArticles(db: CatalogDb, tenantId: string, articles: readonly string[]) {
  if (articles.length === 0) return new Set<string>();
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ article: products.article })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), inArray(products.article, [...articles]))),
  );
  return new Set(rows.map((r) => r.article));
}

const UPDATED = [
  "name",
  "basePrice",
  "brand",
  "series",
  "groupPath",
  "unit",
  "packMultiple",
  "minQuantity",
  "weightGrams",
  "volumeCm3",
  "priceGroup",
  "description",
  "hsCode",
  "ean13",
  "lengthMm",
  "widthMm",
  "heightMm",
  "retailPrice",
  "discontinued",
  "successors",
] as const;

/** `excluded.<column>` (drizzle names columns in snake_case: weightGrams → weight_grams). */
const excluded = (key: (typeof UPDATED)[number]) =>
  sql.raw(`excluded.${key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`);

/**
 * Idempotent upsert by (tenant, article) in one transaction: new articles are created, changed
 * ones updated, identical ones left alone. Returns the status of every article.
 */
export function upsertProducts(db: CatalogDb, tenantId: string, rows: readonly ImportRow[]) {
  return withTenant(db, tenantId, async (tx) => {
    const status = new Map<string, "created" | "updated">();
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((r) => ({
        tenantId,
        id: newId("prd"),
        article: r.article,
        name: r.name,
        basePrice: r.basePrice,
        brand: r.brand ?? null,
        series: r.series ?? null,
        groupPath: r.groupPath ?? [],
        unit: r.unit ?? "шт",
        packMultiple: r.packMultiple ?? 1,
        minQuantity: r.minQuantity ?? 1,
        weightGrams: r.weightGrams ?? null,
        volumeCm3: r.volumeCm3 ?? null,
        priceGroup: r.priceGroup ?? null,
        description: r.description ?? null,
        hsCode: r.hsCode ?? null,
        ean13: r.ean13 ?? null,
        lengthMm: r.lengthMm ?? null,
        widthMm: r.widthMm ?? null,
        heightMm: r.heightMm ?? null,
        retailPrice: r.retailPrice ?? null,
        discontinued: r.discontinued ?? false,
        successors: r.successors ?? [],
      }));
      const set = Object.fromEntries(UPDATED.map((c) => [c, excluded(c)]));
      const changed = sql.join(
        UPDATED.map((c) => sql`${products[c]} is distinct from ${excluded(c)}`),
        sql` or `,
      );
      const done = await tx
        .insert(products)
        .values(values)
        .onConflictDoUpdate({
          target: [products.tenantId, products.article],
          set: { ...set, updatedAt: sql`now()` },
          setWhere: changed,
        })
        .returning({ article: products.article, created: sql<boolean>`(xmax = 0)` });
      for (const d of done) status.set(d.article, d.created ? "created" : "updated");
    }
    return status;
  });
}
