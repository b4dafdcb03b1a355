import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken, type UserActor } from "@dpp/auth";
import DataLoader from "dataloader";
import { z } from "zod";

/** What orders needs to know about a product to put it on a line, priced for the calling dealer. */
export interface CatalogProduct {
  id: string;
  article: string;
  name: string;
  /** Unit of measure, e.g. шт, м, кг, компл. */
  unit: string;
  packMultiple: number;
  minQuantity: number;
  /** Gross weight of one unit in grams, when known. */
  weightGrams: number | null;
  /** Volume of one unit in cubic centimetres, when known. */
  volumeCm3: number | null;
  /** The tenant's list price for one unit in kopecks (VAT as `vatIncluded`). */
  basePrice: number;
  /** The dealer's price for one unit in kopecks. */
  unitPrice: number;
  currency: string;
  /** VAT of one unit in kopecks. */
  vat: number;
  vatRateBp: number;
  vatIncluded: boolean;
}

export type ProductKey = { by: "id"; id: string } | { by: "article"; article: string };

export interface CatalogClientOptions {
  /** Base URL of the catalog subgraph; `/graphql` is appended. */
  url: string;
  internalTokenSecret: string;
  /** The caller, forwarded so that catalog prices for the dealer (their discounts), not for a service. */
  actor: UserActor;
  requestId: string;
  timeoutMs?: number;
}

/** The product fields a line snapshot needs (GraphQL selection and its parser). */
export const PRODUCT_FIELDS =
  "id article name unit packMultiple minQuantity weightGrams volumeCm3 price { base { amount } yours { amount currency } vat { amount } vatIncluded vatRatePercent }";

export const productSchema = z.object({
  id: z.string(),
  article: z.string(),
  name: z.string(),
  unit: z.string(),
  packMultiple: z.number().int(),
  minQuantity: z.number().int(),
  weightGrams: z.number().int().nullable(),
  volumeCm3: z.number().int().nullable(),
  price: z.object({
    base: z.object({ amount: z.number().int() }),
    yours: z.object({ amount: z.number().int(), currency: z.string() }),
    vat: z.object({ amount: z.number().int() }),
    vatIncluded: z.boolean(),
    vatRatePercent: z.number(),
  }),
});

/** A parsed catalog answer as orders keeps it. */
export function catalogProduct(p: z.infer<typeof productSchema>): CatalogProduct {
  return {
    id: p.id,
    article: p.article,
    name: p.name,
    unit: p.unit,
    packMultiple: p.packMultiple,
    minQuantity: p.minQuantity,
    weightGrams: p.weightGrams,
    volumeCm3: p.volumeCm3,
    basePrice: p.price.base.amount,
    unitPrice: p.price.yours.amount,
    currency: p.price.yours.currency,
    vat: p.price.vat.amount,
    vatRateBp: Math.round(p.price.vatRatePercent * 100),
    vatIncluded: p.price.vatIncluded,
  };
}

/** What a line keeps of its product when it is added or repriced (every path that writes lines). */
export function lineSnapshot(p: CatalogProduct) {
  return {
    productId: p.id,
    article: p.article,
    name: p.name,
    unit: p.unit,
    unitPrice: p.unitPrice,
    basePrice: p.basePrice,
    vat: p.vat,
    vatRateBp: p.vatRateBp,
    vatIncluded: p.vatIncluded,
    packMultiple: p.packMultiple,
    minQuantity: p.minQuantity,
    weightGrams: p.weightGrams,
    volumeCm3: p.volumeCm3,
  };
}

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

const keyOf = (k: ProductKey) => (k.by === "id" ? `id:${k.id}` : `article:${k.article}`);

function toProduct(value: unknown): CatalogProduct | null {
  if (value === null || value === undefined) return null;
  return catalogProduct(productSchema.parse(value));
}

/** One GraphQL document for a batch: `_entities` for ids, one aliased `productByArticle` per article. */
export function buildProductsQuery(keys: readonly ProductKey[]) {
  const ids = keys.flatMap((k) => (k.by === "id" ? [k.id] : []));
  const articles = keys.flatMap((k) => (k.by === "article" ? [k.article] : []));
  const vars: Record<string, unknown> = {};
  const params: string[] = [];
  const fields: string[] = [];
  if (ids.length > 0) {
    params.push("$reps: [_Any!]!");
    vars.reps = ids.map((id) => ({ __typename: "Product", id }));
    fields.push(`_entities(representations: $reps) { ... on Product { ${PRODUCT_FIELDS} } }`);
  }
  articles.forEach((article, i) => {
    params.push(`$a${i}: String!`);
    vars[`a${i}`] = article;
    fields.push(`a${i}: productByArticle(article: $a${i}) { ${PRODUCT_FIELDS} }`);
  });
  return {
    query: `query OrdersProducts(${params.join(", ")}) { ${fields.join(" ")} }`,
    variables: vars,
    ids,
    articles,
  };
}

/**
 * A per-request loader of products from the catalog subgraph, batched into one call per tick.
 * Unknown products (or another tenant's) load as null.
 */
export function createCatalogLoader(opts: CatalogClientOptions) {
  return new DataLoader<ProductKey, CatalogProduct | null, string>(
    async (keys) => {
      const { query, variables, ids, articles } = buildProductsQuery(keys);
      const token = await signInternalToken({ actor: opts.actor, requestId: opts.requestId }, opts.internalTokenSecret);
      const res = await fetch(`${opts.url.replace(/\/$/, "")}/graphql`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [INTERNAL_TOKEN_HEADER]: token,
          [REQUEST_ID_HEADER]: opts.requestId,
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      const body = responseSchema.parse(await res.json());
      if (!res.ok || body.errors?.length || !body.data) {
        throw new Error(`catalog: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
      }
      const data = body.data;
      const entities = Array.isArray(data._entities) ? data._entities : [];
      const byId = new Map<string, CatalogProduct | null>(ids.map((id, i) => [id, toProduct(entities[i])]));
      const byArticle = new Map<string, CatalogProduct | null>(
        articles.map((article, i) => [article, toProduct(data[`a${i}`])]),
      );
      return keys.map((k) => (k.by === "id" ? byId.get(k.id) : byArticle.get(k.article)) ?? null);
    },
    { cacheKeyFn: keyOf },
  );
}

export type CatalogLoader = ReturnType<typeof createCatalogLoader>;
