import { withTenant } from "@dpp/db";
import { and, asc, count, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { PricingPolicy } from "../domain/pricing.ts";
import type { CatalogDb } from "../server.ts";
import {
  counterpartyDiscounts,
  discounts,
  personalPrices,
  priceSettings,
  priceTiers,
  products,
  tierAssignments,
  turnoverTiers,
  vatRates,
} from "./schema.ts";

/** Every column but the search document (large, never shown). */
const { search: _search, ...columns } = getTableColumns(products);
export const productColumns = columns;
export type ProductRow = Omit<typeof products.$inferSelect, "search">;

export function productsByIds(db: CatalogDb, tenantId: string, ids: readonly string[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select(productColumns)
      .from(products)
      .where(and(eq(products.tenantId, tenantId), inArray(products.id, [...ids]))),
  );
}

export function productsByArticles(db: CatalogDb, tenantId: string, articles: readonly string[]) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select(productColumns)
      .from(products)
      .where(and(eq(products.tenantId, tenantId), inArray(products.article, [...articles]))),
  );
}

/** Every product of the tenant, by article (the nomenclature file). */
export function allProducts(db: CatalogDb, tenantId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx.select(productColumns).from(products).where(eq(products.tenantId, tenantId)).orderBy(asc(products.article)),
  );
}

export interface ProductFilter {
  series?: string | null;
  brand?: string | null;
  /** Products in this group or below. */
  groupPath?: string[] | null;
}

/** (path, count) pairs for the tenant's navigation mode. */
export function navigationRows(db: CatalogDb, tenantId: string, mode: "series" | "brand" | "group") {
  return withTenant(db, tenantId, async (tx) => {
    if (mode === "group") {
      const rows = await tx
        .select({ path: products.groupPath, count: count() })
        .from(products)
        .where(eq(products.tenantId, tenantId))
        .groupBy(products.groupPath);
      return rows;
    }
    const col = mode === "series" ? products.series : products.brand;
    const rows = await tx
      .select({ label: col, count: count() })
      .from(products)
      .where(and(eq(products.tenantId, tenantId), sql`${col} is not null`))
      .groupBy(col);
    return rows.map((r) => ({ path: r.label ? [r.label] : [], count: r.count }));
  });
}

export type CatalogSettings = {
  tenantId: string;
  currency: string;
  vatRateBp: number;
  pricesIncludeVat: "included" | "excluded";
  navigation: "series" | "brand" | "group";
  minSearchChars: number;
};

export async function catalogSettings(db: CatalogDb, tenantId: string): Promise<CatalogSettings> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(priceSettings).where(eq(priceSettings.tenantId, tenantId));
    return (
      row ?? {
        tenantId,
        currency: "RUB",
        vatRateBp: 2000,
        pricesIncludeVat: "included" as const,
        navigation: "series" as const,
        minSearchChars: 3,
      }
    );
  });
}

/**
 * Everything that prices products for one company, in one transaction. `turnover` is supplied
 * by the caller (it belongs to orders).
 */
export function pricingPolicy(
  db: CatalogDb,
  tenantId: string,
  companyId: string | null,
  counterpartyId: string | null,
  settings: CatalogSettings,
): Promise<Omit<PricingPolicy, "turnover">> {
  return withTenant(db, tenantId, async (tx) => {
    const t = tenantId;
    const vat = await tx.select().from(vatRates).where(eq(vatRates.tenantId, t));
    const common = {
      currency: settings.currency,
      pricesIncludeVat: settings.pricesIncludeVat === "included",
      vatRateBp: settings.vatRateBp,
      vatRates: vat,
    };
    if (!companyId) {
      return { ...common, discounts: [], priceTiers: [], tierAssignments: [], turnoverTiers: [], personalPrices: [] };
    }
    const own = counterpartyId
      ? await tx
          .select()
          .from(counterpartyDiscounts)
          .where(and(eq(counterpartyDiscounts.tenantId, t), eq(counterpartyDiscounts.counterpartyId, counterpartyId)))
      : [];
    const [d, tiers, assignments, turnover, personal] = [
      await tx
        .select()
        .from(discounts)
        .where(and(eq(discounts.tenantId, t), eq(discounts.companyId, companyId))),
      await tx.select().from(priceTiers).where(eq(priceTiers.tenantId, t)),
      await tx
        .select()
        .from(tierAssignments)
        .where(and(eq(tierAssignments.tenantId, t), eq(tierAssignments.companyId, companyId))),
      await tx.select().from(turnoverTiers).where(eq(turnoverTiers.tenantId, t)),
      await tx
        .select()
        .from(personalPrices)
        .where(and(eq(personalPrices.tenantId, t), eq(personalPrices.companyId, companyId))),
    ];
    return {
      ...common,
      discounts: d,
      counterpartyDiscounts: own,
      priceTiers: tiers,
      tierAssignments: assignments,
      turnoverTiers: turnover,
      personalPrices: personal,
    };
  });
}

/** The company's discount groups (keaz shows them on the company page). */
export function discountRules(db: CatalogDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(discounts)
      .where(and(eq(discounts.tenantId, tenantId), eq(discounts.companyId, companyId)))
      .orderBy(asc(discounts.priceGroup), asc(discounts.validFrom)),
  );
}

/** The counterparty's own discount groups. */
export function counterpartyDiscountRules(db: CatalogDb, tenantId: string, counterpartyId: string) {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select()
      .from(counterpartyDiscounts)
      .where(
        and(eq(counterpartyDiscounts.tenantId, tenantId), eq(counterpartyDiscounts.counterpartyId, counterpartyId)),
      )
      .orderBy(asc(counterpartyDiscounts.priceGroup), asc(counterpartyDiscounts.validFrom)),
  );
}
