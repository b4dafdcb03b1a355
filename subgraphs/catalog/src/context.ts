import type { Actor } from "@dpp/auth";
import { withTenant } from "@dpp/db";
import { requireTenant } from "@dpp/server";
import DataLoader from "dataloader";
import {
  type CatalogSettings,
  type ProductRow,
  productsByArticles,
  productsByIds,
  type ViewerState,
  viewerState,
} from "./db/queries.ts";
import { type PriceQuote, quote, type ResolvedPolicy, resolvePolicy } from "./domain/pricing.ts";
import type { CatalogDb } from "./server.ts";

type Tx = Parameters<Parameters<CatalogDb["transaction"]>[0]>[0];

const MOSCOW_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" });

/** Today in Moscow (prices, VAT rates and discounts change at local midnight). */
export function todayInMoscow(now = new Date()): string {
  // One formatter for the process: building an Intl.DateTimeFormat per call showed in the search profile.
  return MOSCOW_DAY.format(now);
}

/**
 * Per-request context. Loaders are created for every request and bound to the caller's
 * tenant, so nothing cached here can ever be read by another tenant.
 */
export function createContext(
  db: CatalogDb,
  actor: Actor,
  /** The company's cumulative turnover (orders), read only when the tenant has turnover tiers; absent: unknown. */
  turnoverOf?: (tenantId: string, companyId: string) => Promise<number>,
) {
  const tenantOf = () => requireTenant(actor);
  const byId = new DataLoader<string, ProductRow | null>(async (ids) => {
    const rows = await productsByIds(db, tenantOf(), ids);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
  const byArticle = new DataLoader<string, ProductRow | null>(async (articles) => {
    const rows = await productsByArticles(db, tenantOf(), articles);
    const map = new Map(rows.map((r) => [r.article, r]));
    for (const r of rows) byId.prime(r.id, r);
    return articles.map((a) => map.get(a) ?? null);
  });
  const companyId = actor.kind === "user" ? actor.companyId : null;
  const counterpartyId = actor.kind === "user" ? (actor.counterpartyId ?? null) : null;
  let state: Promise<ViewerState> | undefined;
  let policy: Promise<ResolvedPolicy> | undefined;
  /**
   * Settings and pricing policy, read once per request in one statement; inside `tx` when the
   * caller already holds the tenant's transaction (search), else in a transaction of its own.
   */
  const stateOf = (tx?: Tx) => {
    state ??= tx
      ? viewerState(tx, tenantOf(), companyId, counterpartyId)
      : withTenant(db, tenantOf(), (t) => viewerState(t, tenantOf(), companyId, counterpartyId));
    return state;
  };
  const settingsOf = (): Promise<CatalogSettings> => stateOf().then((s) => s.settings);

  return {
    db,
    actor,
    tenantId: tenantOf,
    companyId,
    counterpartyId,
    loaders: { product: byId, productByArticle: byArticle },
    settings: settingsOf,
    viewerState: stateOf,
    /** Remembers rows a list query already read, so entity resolution reads nothing twice. */
    prime(rows: readonly ProductRow[]) {
      for (const r of rows) {
        byId.prime(r.id, r);
        byArticle.prime(r.article, r);
      }
    },
    /** The viewer's price of a product, computed on the server; the policy is loaded once per request. */
    async priceOf(product: ProductRow): Promise<PriceQuote> {
      policy ??= stateOf().then(async (s) => {
        // One call to orders per request, and only where turnover can change the price.
        const turnover =
          companyId && turnoverOf && s.policy.turnoverTiers.length > 0 ? await turnoverOf(tenantOf(), companyId) : null;
        return resolvePolicy({ ...s.policy, turnover }, todayInMoscow());
      });
      return quote(await policy, product);
    },
  };
}

export type CatalogContext = ReturnType<typeof createContext>;
