import { withTenant } from "@dpp/db";
import type { CatalogContext } from "../context.ts";
import type { ProductFilter } from "../db/queries.ts";
import { type RankedRow, searchPage } from "../db/search.ts";
import { groupPathOf } from "../domain/navigation.ts";
import { decodeCursor, encodeCursor, planSearch, type RankKey } from "../domain/search.ts";

export interface SearchArgs {
  search: string | null;
  group: string | null;
  first: number | null;
  after: string | null;
}

export type SearchOutcome =
  | { kind: "page"; nodes: RankedRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
  | { kind: "too_short"; minChars: number }
  | { kind: "bad_cursor" };

/** One ranked page for the viewer's tenant; the tenant's navigation mode decides what `group` means. */
export async function search(ctx: CatalogContext, args: SearchArgs): Promise<SearchOutcome> {
  const first = Math.min(Math.max(args.first ?? 50, 1), 200);
  let after: RankKey | null;
  try {
    after = decodeCursor(args.after);
  } catch {
    return { kind: "bad_cursor" };
  }
  // One transaction: the viewer's settings and pricing policy (one statement), then the ranked page
  // with its rows (one statement); the prices of the page need nothing more from the database.
  const tenantId = ctx.tenantId();
  const { plan, rows } = await withTenant(ctx.db, tenantId, async (tx) => {
    const { settings } = await ctx.viewerState(tx);
    const plan = planSearch(args.search, settings.minSearchChars);
    const filter: ProductFilter = {};
    if (args.group) {
      if (settings.navigation === "series") filter.series = args.group;
      else if (settings.navigation === "brand") filter.brand = args.group;
      else filter.groupPath = groupPathOf(args.group);
    }
    const rows = await searchPage(tx, tenantId, { plan, filter, first, after, navigation: settings.navigation });
    return { plan, rows };
  });
  if (rows.length === 0 && plan.kind === "search" && plan.tooShort && !after) {
    return { kind: "too_short", minChars: plan.minChars };
  }
  const nodes = rows.slice(0, first);
  ctx.prime(nodes);
  const last = nodes.at(-1);
  return {
    kind: "page",
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null },
  };
}
