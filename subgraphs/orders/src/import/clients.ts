import {
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  signInternalToken,
  signServiceToken,
  type UserActor,
} from "@dpp/auth";
import { z } from "zod";
import { catalogProduct, PRODUCT_FIELDS, productSchema } from "../clients/catalog.ts";
import type { ImportProduct } from "./report.ts";

/** catalog's `productsByArticles` takes at most this many articles per call. */
const CATALOG_CHUNK = 1000;

export interface ImportClientsOptions {
  catalogUrl: string;
  inventoryUrl: string;
  internalTokenSecret: string;
}

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

async function post(url: string, token: string, requestId: string, query: string, variables: object) {
  const res = await fetch(`${url.replace(/\/+$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000),
  });
  const body = responseSchema.parse(await res.json());
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`${url}: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return body.data;
}

const importProductSchema = productSchema.extend({
  discontinued: z.boolean(),
  successors: z.array(z.object({ article: z.string(), name: z.string() })),
});

function toProduct(raw: unknown): ImportProduct | null {
  if (raw === null || raw === undefined) return null;
  const p = importProductSchema.parse(raw);
  return { ...catalogProduct(p), discontinued: p.discontinued, successors: p.successors };
}

const PRODUCTS = `query OrdersImportProducts($articles: [String!]!) { productsByArticles(articles: $articles) {
  ${PRODUCT_FIELDS} discontinued successors { article name } } }`;

const STOCK = `query OrdersImportStock($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Product { availableQuantity } } }`;

const SAMPLE = "query OrdersImportSample { products(first: 3) { nodes { article name packMultiple minQuantity } } }";

/**
 * Catalog and inventory as the import asks them: products by article for the dealer (their
 * prices) in calls of 1,000 articles sent together, and the available stock of many products in
 * one `_entities` call.
 */
export function createImportClients(opts: ImportClientsOptions) {
  const asDealer = (actor: UserActor, requestId: string) =>
    signInternalToken({ actor, requestId }, opts.internalTokenSecret);

  return {
    async productsByArticles(
      actor: UserActor,
      requestId: string,
      articles: readonly string[],
    ): Promise<Map<string, ImportProduct | null>> {
      const token = await asDealer(actor, requestId);
      const chunks: string[][] = [];
      for (let i = 0; i < articles.length; i += CATALOG_CHUNK) chunks.push(articles.slice(i, i + CATALOG_CHUNK));
      const answers = await Promise.all(
        chunks.map((chunk) => post(opts.catalogUrl, token, requestId, PRODUCTS, { articles: chunk })),
      );
      const out = new Map<string, ImportProduct | null>();
      answers.forEach((data, c) => {
        const list = z.array(z.unknown()).parse(data.productsByArticles);
        (chunks[c] as string[]).forEach((article, i) => {
          out.set(article, toProduct(list[i]));
        });
      });
      return out;
    },

    /** Available quantity (on hand minus reserved, all warehouses) by product id. */
    async available(tenantId: string, requestId: string, productIds: readonly string[]): Promise<Map<string, number>> {
      if (productIds.length === 0) return new Map();
      const token = await signServiceToken("orders", tenantId, opts.internalTokenSecret, requestId);
      const data = await post(opts.inventoryUrl, token, requestId, STOCK, {
        reps: productIds.map((id) => ({ __typename: "Product", id })),
      });
      const list = z.array(z.object({ availableQuantity: z.number().int() }).nullable()).parse(data._entities);
      return new Map(productIds.map((id, i) => [id, list[i]?.availableQuantity ?? 0]));
    },

    /** A few of the tenant's products for the sample file, as the dealer sees the catalog. */
    async sampleProducts(actor: UserActor, requestId: string) {
      const data = await post(opts.catalogUrl, await asDealer(actor, requestId), requestId, SAMPLE, {});
      return z
        .object({
          products: z.object({
            nodes: z.array(
              z.object({ article: z.string(), name: z.string(), packMultiple: z.number(), minQuantity: z.number() }),
            ),
          }),
        })
        .parse(data).products.nodes;
    },
  };
}

export type ImportClients = ReturnType<typeof createImportClients>;
