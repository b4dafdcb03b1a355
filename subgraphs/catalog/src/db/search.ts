import { withTenant } from "@dpp/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { RankKey, SearchPlan } from "../domain/search.ts";
import type { CatalogDb } from "../server.ts";
import { type ProductFilter, type ProductRow, productColumns } from "./queries.ts";
import { products } from "./schema.ts";

export type RankedRow = ProductRow & RankKey;

/** How many word (or similar-word) matches are ranked at most; see docs/decisions. */
export const WORD_CANDIDATES = 1000;

function filterConditions(tenantId: string, f: ProductFilter): SQL[] {
  const c: SQL[] = [eq(products.tenantId, tenantId)];
  if (f.series) c.push(eq(products.series, f.series));
  if (f.brand) c.push(eq(products.brand, f.brand));
  if (f.groupPath && f.groupPath.length > 0) {
    c.push(sql`${products.groupPath}[1:${f.groupPath.length}] = ${sql.param(f.groupPath)}::text[]`);
  }
  return c;
}

const hasFilter = (f: ProductFilter) => Boolean(f.series || f.brand || (f.groupPath && f.groupPath.length > 0));

/** What a browsing page is grouped (and ordered) by: the tenant's navigation. */
function groupKeyOf(mode: "series" | "brand" | "group"): SQL<string> {
  if (mode === "series") return sql<string>`coalesce(${products.series}, '')`;
  if (mode === "brand") return sql<string>`coalesce(${products.brand}, '')`;
  return sql<string>`array_to_string(${products.groupPath}, ' / ')`;
}

export interface SearchOptions {
  plan: SearchPlan;
  filter: ProductFilter;
  first: number;
  after: RankKey | null;
  navigation: "series" | "brand" | "group";
}

/** `searchPage` in a transaction of its own (the catalog benchmark measures the SQL with it). */
export function searchProducts(db: CatalogDb, tenantId: string, opts: SearchOptions): Promise<RankedRow[]> {
  return withTenant(db, tenantId, (tx) => searchPage(tx, tenantId, opts));
}

/**
 * One page of products, ranked: exact articles (tier 0), article prefix (1), Russian full-text
 * words with prefixes (2). When nothing matches at all, words similar to the query (3, typos).
 * Without a query: ordered by group, then article. Returns up to `first + 1` rows. Runs in the
 * caller's tenant transaction.
 *
 * Prefix, word and typo candidates come from the catalog's SECURITY DEFINER functions
 * (migration 0004): under row-level security PostgreSQL would not use the indexes for LIKE, `@@`
 * or `<%`. They return ids of the transaction's tenant only; the page's rows are then read by
 * primary key under row-level security, in the same statement as the ranking.
 */
export async function searchPage(tx: Tx, tenantId: string, opts: SearchOptions): Promise<RankedRow[]> {
  const { plan, first, after, filter } = opts;
  const base = filterConditions(tenantId, filter);
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
  // Candidates per tier (a product counts in its best tier), then the keyset, then the page.
  const parts: SQL[] = [];
  if (!after || after.tier < 3) {
    parts.push(
      sql`select id, article, 0 as tier, 0 as score from ${products} where tenant_id = ${tenantId} and article = any(${sql.param(plan.exactArticles)}::text[])`,
    );
    if (plan.articlePrefix && (!after || after.tier <= 1)) {
      // Enough prefix rows for the page even when some of them are exact articles or filtered out.
      const limit = hasFilter(filter) ? WORD_CANDIDATES : first + 1 + plan.exactArticles.length;
      const from = after?.tier === 1 ? after.article : null;
      parts.push(
        sql`select id, article, 1, 0 from catalog.search_article_prefix(${plan.articlePrefix}, ${from}::text, ${limit})`,
      );
    }
    if (plan.tsquery) {
      parts.push(
        sql`select id, article, 2, score from catalog.search_word_candidates(to_tsquery('russian', ${plan.tsquery}), ${WORD_CANDIDATES})`,
      );
    }
  }
  const page = await rankedPage(tx, tenantId, parts, filter, first, after);
  const similar = plan.fuzzy && (after ? after.tier === 3 : page.length === 0);
  if (!similar || !plan.fuzzy) return page;
  const part = sql`select id, article, 3, score from catalog.search_similar_candidates(${plan.fuzzy}, ${WORD_CANDIDATES})`;
  return rankedPage(tx, tenantId, [part], filter, first, after);
}

type Tx = Parameters<Parameters<CatalogDb["transaction"]>[0]>[0];

/**
 * Up to `first + 1` products after the cursor, in rank order: tier, score desc, article (bytes).
 * One statement: rank the candidate ids, cut the page, read its rows by primary key.
 */
async function rankedPage(
  tx: Tx,
  tenantId: string,
  parts: SQL[],
  filter: ProductFilter,
  first: number,
  after: RankKey | null,
): Promise<RankedRow[]> {
  if (parts.length === 0) return [];
  const filtered = hasFilter(filter)
    ? sql`join ${products} on ${and(...filterConditions(tenantId, filter), sql`${products.id} = d.id`)}`
    : sql``;
  const keyset = after
    ? sql`where (d.tier > ${after.tier} or (d.tier = ${after.tier} and (d.score < ${after.score} or (d.score = ${after.score} and d.article collate "C" > ${after.article}))))`
    : sql``;
  const ranked = sql`(
    with c(id, article, tier, score) as (${sql.join(parts, sql` union all `)}),
    d as (select distinct on (id) id, article, tier, score from c order by id, tier, score desc)
    select d.id, d.article, d.tier, d.score from d ${filtered} ${keyset}
    order by d.tier, d.score desc, d.article collate "C"
    limit ${first + 1}) as r`;
  return tx
    .select({ ...productColumns, tier: sql<number>`r.tier`, score: sql<number>`r.score` })
    .from(products)
    .innerJoin(ranked, and(eq(products.tenantId, tenantId), sql`${products.id} = r.id`))
    .orderBy(sql`r.tier`, sql`r.score desc`, sql`r.article collate "C"`);
}
