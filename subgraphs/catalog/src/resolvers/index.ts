import { GraphQLScalarType, Kind } from "graphql";
import type { CatalogContext } from "../context.ts";
import { type ProductRow, productByArticle, searchProducts } from "../db/queries.ts";

const money = (amount: number, currency: string) => ({ amount, currency });

export const MinorUnits = new GraphQLScalarType({
  name: "MinorUnits",
  description: "An amount in minor units (kopecks) as a JSON number (safe integer).",
  serialize: (v) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError("MinorUnits must be a safe integer");
    return v;
  },
  parseValue: (v) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError("MinorUnits must be a safe integer");
    return v;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new TypeError("MinorUnits must be an integer");
    return Number(ast.value);
  },
});

const encodeCursor = (article: string) => Buffer.from(article, "utf8").toString("base64url");
const decodeCursor = (cursor: string | null | undefined) =>
  cursor ? Buffer.from(cursor, "base64url").toString("utf8") : null;

export const resolvers = {
  MinorUnits,
  Query: {
    products: async (
      _: unknown,
      args: { search?: string | null; first?: number | null; after?: string | null },
      ctx: CatalogContext,
    ) => {
      const first = Math.min(Math.max(args.first ?? 50, 1), 200);
      const rows = await searchProducts(ctx.db, ctx.tenantId(), {
        search: args.search ?? null,
        first,
        afterArticle: decodeCursor(args.after),
      });
      const nodes = rows.slice(0, first);
      for (const n of nodes) ctx.loaders.product.prime(n.id, n);
      const last = nodes.at(-1);
      return {
        nodes,
        pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last.article) : null },
      };
    },
    product: (_: unknown, args: { id: string }, ctx: CatalogContext) => ctx.loaders.product.load(args.id),
    productByArticle: (_: unknown, args: { article: string }, ctx: CatalogContext) =>
      productByArticle(ctx.db, ctx.tenantId(), args.article),
  },
  Product: {
    __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.product.load(ref.id),
    price: async (product: ProductRow, _: unknown, ctx: CatalogContext) => {
      const p = await ctx.priceOf(product);
      return {
        base: money(p.base, p.currency),
        yours: money(p.yours, p.currency),
        discountPercent: p.discountBp / 100,
        vatRatePercent: p.vatRateBp / 100,
        vatIncluded: p.vatIncluded,
        vat: money(p.vat, p.currency),
      };
    },
  },
};
