import { withTenant } from "@dpp/db";
import { and, asc, count, eq, getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { PricingPolicy } from "../domain/pricing.ts";
import { likePrefix, type RankKey, type SearchPlan } from "../domain/search.ts";
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
const { search: _search, ...productColumns } = getTableColumns(products);
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

export interface ProductFilter {
  series?: string | null;
  brand?: string | null;
  /** Products in this group or below. */
  groupPath?: string[] | null;
}

function filterConditions(tenantId: string, f: ProductFilter): SQL[] {
  const c: SQL[] = [eq(products.tenantId, tenantId)];
  if (f.series) c.push(eq(products.series, f.series));
  if (f.brand) c.push(eq(products.brand, f.brand));
  if (f.groupPath && f.groupPath.length > 0) {
    c.push(sql`${products.groupPath}[1:${f.groupPath.length}] = ${sql.param(f.groupPath)}::text[]`);
  }
  return c;
}

export type RankedRow = ProductRow & RankKey;

/** How many word (or similar-word) matches are ranked at most; see docs/decisions. */
export const WORD_CANDIDATES = 1000;

/** What a browsing page is grouped (and ordered) by: the tenant's navigation. */
function groupKeyOf(mode: "series" | "brand" | "group"): SQL<string> {
  if (mode === "series") return sql<string>`coalesce(${products.series}, '')`;
  if (mode === "brand") return sql<string>`coalesce(${products.brand}, '')`;
  return sql<string>`array_to_string(${products.groupPath}, ' / ')`;
}

/** Keyset condition for "after (tier asc, score desc, article asc)". */
function afterKey(tier: SQL, score: SQL, k: RankKey): SQL {
  return sql`(${tier} > ${k.tier} or (${tier} = ${k.tier} and (${score} < ${k.score} or (${score} = ${k.score} and ${products.article} > ${k.article}))))`;
}

/**
 * One page of products, ranked: exact articles (tier 0), article prefix (1), Russian full-text
 * words with prefixes (2). When nothing matches at all, words similar to the query (3, typos).
 * Without a query: ordered by group, series, article. Returns up to `first + 1` rows.
 */
export function searchProducts(
  db: CatalogDb,
  tenantId: string,
  opts: {
    plan: SearchPlan;
    filter: ProductFilter;
    first: number;
    after: RankKey | null;
    navigation: "series" | "brand" | "group";
  },
): Promise<RankedRow[]> {
  const { plan, first, after } = opts;
  return withTenant(db, tenantId, async (tx) => {
    // These statements are prepared (postgres.js); a generic plan cannot use the article-prefix
    // index for `like $1`, which at a million rows turns a 1 ms search into a sequential scan.
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
    const base = filterConditions(tenantId, opts.filter);
    if (plan.kind === "all") {
      const group = groupKeyOf(opts.navigation);
      const where = [...base];
      if (after) where.push(sql`(${group}, ${products.article}) > (${after.group ?? ""}, ${after.article})`);
      return tx
        .select({ ...productColumns, tier: sql<number>`0`, score: sql<number>`0`, group })
        .from(products)
        .where(and(...where))
        .orderBy(group, asc(products.article))
        .limit(first + 1);
    }
    if (!after || after.tier < 3) {
      const exact = inArray(products.article, plan.exactArticles);
      const prefix = plan.articlePrefix ? sql`${products.article} like ${likePrefix(plan.articlePrefix)}` : sql`false`;
      const tsq = plan.tsquery ? sql`to_tsquery('russian', ${plan.tsquery})` : null;
      // Words: ranked among at most WORD_CANDIDATES matches, so a broad word ("фильтр" over
      // 200,000 SKUs) costs a bounded amount; exact articles and prefixes are always included.
      const words = tsq
        ? sql`${products.id} = any(array(select c.id from ${products} c where c.tenant_id = ${tenantId} and c.search @@ ${tsq} limit ${WORD_CANDIDATES}))`
        : sql`false`;
      const tier = sql<number>`(case when ${exact} then 0 when ${prefix} then 1 else 2 end)`;
      const score = tsq
        ? sql<number>`(case when ${products.search} @@ ${tsq} then (ts_rank_cd(${products.search}, ${tsq}) * 1000000)::int else 0 end)`
        : sql<number>`(0)::int`;
      const where = [...base, sql`(${exact} or ${prefix} or ${words})`];
      if (after) where.push(afterKey(tier, score, after));
      const rows = await tx
        .select({ ...productColumns, tier, score })
        .from(products)
        .where(and(...where))
        .orderBy(tier, sql`${score} desc`, asc(products.article))
        .limit(first + 1);
      if (rows.length > 0 || after || !plan.fuzzy) return rows;
    }
    if (!plan.fuzzy) return [];
    const tier = sql<number>`3`;
    const score = sql<number>`(word_similarity(${plan.fuzzy}, ${products.name}) * 1000000)::int`;
    const where = [
      ...base,
      sql`${products.id} = any(array(select c.id from ${products} c where c.tenant_id = ${tenantId} and ${plan.fuzzy} <% c.name limit ${WORD_CANDIDATES}))`,
    ];
    if (after) where.push(afterKey(tier, score, after));
    return tx
      .select({ ...productColumns, tier, score })
      .from(products)
      .where(and(...where))
      .orderBy(sql`${score} desc`, asc(products.article))
      .limit(first + 1);
  });
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
