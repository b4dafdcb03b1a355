import { withTenant } from "@dpp/db";
import { and, asc, count, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
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

const DEFAULT_SETTINGS = {
  currency: "RUB",
  vatRateBp: 2000,
  pricesIncludeVat: "included" as const,
  navigation: "series" as const,
  minSearchChars: 3,
};

/** What a request needs before it can search or price: the tenant's settings and the viewer's pricing policy. */
export interface ViewerState {
  settings: CatalogSettings;
  /** `turnover` is supplied by the caller (it belongs to orders). */
  policy: Omit<PricingPolicy, "turnover">;
}

type Tx = Parameters<Parameters<CatalogDb["transaction"]>[0]>[0];

/**
 * Settings and everything that prices products for one company, in ONE statement (each list as a
 * JSON array; a search request used to spend a transaction on the settings and another of seven
 * statements on the policy). Runs in the caller's tenant transaction.
 */
export async function viewerState(
  tx: Tx,
  tenantId: string,
  companyId: string | null,
  counterpartyId: string | null,
): Promise<ViewerState> {
  const t = tenantId;
  const list = (fields: SQL, from: SQL) => sql`coalesce((select json_agg(json_build_object(${fields})) ${from}), '[]')`;
  const rule = sql`'priceGroup', price_group, 'percentBp', percent_bp, 'validFrom', valid_from, 'validUntil', valid_until`;
  const [row] = await tx.execute<{
    settings: Omit<CatalogSettings, "tenantId"> | null;
    policy: Pick<
      PricingPolicy,
      "vatRates" | "discounts" | "priceTiers" | "tierAssignments" | "turnoverTiers" | "personalPrices"
    > & {
      counterpartyDiscounts: PricingPolicy["discounts"];
    };
  }>(sql`
    select
      (select json_build_object('currency', currency, 'vatRateBp', vat_rate_bp, 'pricesIncludeVat', prices_include_vat,
         'navigation', navigation, 'minSearchChars', min_search_chars)
       from ${priceSettings} where tenant_id = ${t}) as settings,
      json_build_object(
        'vatRates', ${list(sql`'validFrom', valid_from, 'rateBp', rate_bp`, sql`from ${vatRates} where tenant_id = ${t}`)},
        'discounts', ${list(rule, sql`from ${discounts} where tenant_id = ${t} and company_id = ${companyId}`)},
        'counterpartyDiscounts', ${list(rule, sql`from ${counterpartyDiscounts} where tenant_id = ${t} and counterparty_id = ${counterpartyId}`)},
        'priceTiers', ${list(sql`'code', code, 'percentBp', percent_bp`, sql`from ${priceTiers} where tenant_id = ${t} and ${companyId}::text is not null`)},
        'tierAssignments', ${list(sql`'month', month, 'tierCode', tier_code`, sql`from ${tierAssignments} where tenant_id = ${t} and company_id = ${companyId}`)},
        'turnoverTiers', ${list(sql`'minTurnover', min_turnover, 'percentBp', percent_bp`, sql`from ${turnoverTiers} where tenant_id = ${t} and ${companyId}::text is not null`)},
        'personalPrices', ${list(sql`'productId', product_id, 'price', price, 'validFrom', valid_from, 'validUntil', valid_until`, sql`from ${personalPrices} where tenant_id = ${t} and company_id = ${companyId}`)}
      ) as policy`);
  if (!row) throw new Error("viewerState: no row");
  const settings: CatalogSettings = { tenantId, ...(row.settings ?? DEFAULT_SETTINGS) };
  return {
    settings,
    policy: {
      currency: settings.currency,
      pricesIncludeVat: settings.pricesIncludeVat === "included",
      vatRateBp: settings.vatRateBp,
      ...row.policy,
    },
  };
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
