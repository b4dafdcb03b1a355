import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

export interface CatalogProduct {
  id: string;
  article: string;
  unit: string;
  packMultiple: number;
}

/** The catalog lookups inventory needs. */
export interface CatalogLookup {
  /** Exact, case-sensitive articles → product ids (stock files name articles); unknown ones are absent. */
  productIdsByArticles(tenantId: string, articles: readonly string[]): Promise<Map<string, string>>;
  /** Unit and pack multiple by product id (lead times); unknown ids are absent. */
  productsByIds(tenantId: string, ids: readonly string[]): Promise<Map<string, CatalogProduct>>;
}

const CHUNK = 1000; // catalog's limit per call
const BY_ARTICLES = "query($a: [String!]!) { productsByArticles(articles: $a) { id article } }";
const BY_IDS =
  "query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id article unit packMultiple } } }";
const envelope = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});
const byArticles = z.object({
  productsByArticles: z.array(z.object({ id: z.string(), article: z.string() }).nullable()),
});
const byIds = z.object({
  _entities: z.array(
    z.object({ id: z.string(), article: z.string(), unit: z.string(), packMultiple: z.number() }).nullable(),
  ),
});

/** Calls the catalog subgraph directly as the inventory service, scoped to one tenant. */
export function createCatalogLookup(opts: { catalogUrl: string; internalTokenSecret: string }): CatalogLookup {
  const url = `${opts.catalogUrl.replace(/\/+$/, "")}/graphql`;
  const call = async (tenantId: string, query: string, variables: Record<string, unknown>) => {
    const requestId = `inv-${randomUUID()}`;
    const token = await signServiceToken("inventory", tenantId, opts.internalTokenSecret, requestId);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = envelope.parse(await res.json());
    if (body.errors?.length || !body.data) {
      throw new Error(`catalog: ${body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${res.status}`}`);
    }
    return body.data;
  };
  return {
    async productIdsByArticles(tenantId, articles) {
      const unique = [...new Set(articles)];
      const found = new Map<string, string>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const data = byArticles.parse(await call(tenantId, BY_ARTICLES, { a: unique.slice(i, i + CHUNK) }));
        for (const p of data.productsByArticles) if (p) found.set(p.article, p.id);
      }
      return found;
    },
    async productsByIds(tenantId, ids) {
      const unique = [...new Set(ids)];
      const found = new Map<string, CatalogProduct>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const r = unique.slice(i, i + CHUNK).map((id) => ({ __typename: "Product", id }));
        const data = byIds.parse(await call(tenantId, BY_IDS, { r }));
        for (const p of data._entities) if (p) found.set(p.id, p);
      }
      return found;
    },
  };
}
