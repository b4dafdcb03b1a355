import type { Actor } from "@dpp/auth";
import { requireTenant } from "@dpp/server";
import DataLoader from "dataloader";
import {
  type CatalogSettings,
  catalogSettings,
  type ProductRow,
  pricingPolicy,
  productsByArticles,
  productsByIds,
} from "./db/queries.ts";
import { type PriceQuote, quote, type ResolvedPolicy, resolvePolicy } from "./domain/pricing.ts";
import type { CatalogDb } from "./server.ts";

/** Today in Moscow (prices, VAT rates and discounts change at local midnight). */
export function todayInMoscow(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(now);
}

/**
 * Per-request context. Loaders are created for every request and bound to the caller's
 * tenant, so nothing cached here can ever be read by another tenant.
 */
export function createContext(db: CatalogDb, actor: Actor) {
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
  let settings: Promise<CatalogSettings> | undefined;
  let policy: Promise<ResolvedPolicy> | undefined;
  const settingsOf = () => {
    settings ??= catalogSettings(db, tenantOf());
    return settings;
  };

  return {
    db,
    actor,
    tenantId: tenantOf,
    companyId,
    counterpartyId,
    loaders: { product: byId, productByArticle: byArticle },
    settings: settingsOf,
    /** Remembers rows a list query already read, so entity resolution reads nothing twice. */
    prime(rows: readonly ProductRow[]) {
      for (const r of rows) {
        byId.prime(r.id, r);
        byArticle.prime(r.article, r);
      }
    },
    /** The viewer's price of a product, computed on the server; the policy is loaded once per request. */
    async priceOf(product: ProductRow): Promise<PriceQuote> {
      policy ??= settingsOf().then(async (s) =>
        resolvePolicy(
          { ...(await pricingPolicy(db, tenantOf(), companyId, counterpartyId, s)), turnover: null },
          todayInMoscow(),
        ),
      );
      return quote(await policy, product);
    },
  };
}

export type CatalogContext = ReturnType<typeof createContext>;
