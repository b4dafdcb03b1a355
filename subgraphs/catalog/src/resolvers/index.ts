import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { CatalogContext } from "../context.ts";
import { todayInMoscow } from "../context.ts";
import { counterpartyDiscountRules, discountRules, navigationRows, type ProductRow } from "../db/queries.ts";
import type { DiscountImportRow } from "../domain/discount-import.ts";
import { buildNavigation, type NavNode } from "../domain/navigation.ts";
import type { PriceSource } from "../domain/pricing.ts";
import type { ImportRow } from "../domain/product-import.ts";
import type { Audience, Promotion, PromotionInput } from "../domain/promotions.ts";
import { importDiscounts } from "../services/discount-import.ts";
import { importProducts } from "../services/import.ts";
import { nomenclatureFile } from "../services/nomenclature.ts";
import * as promotions from "../services/promotions.ts";
import { type SearchArgs, search } from "../services/search.ts";

type PromotionArgs = Omit<PromotionInput, "body" | "audience"> & { text: string; audience: "ALL" | "INDIVIDUAL" };

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

const SOURCE: Record<PriceSource, string> = {
  list: "LIST",
  discount_group: "DISCOUNT_GROUP",
  price_tier: "PRICE_TIER",
  turnover: "TURNOVER",
  personal: "PERSONAL",
};

const toNode = (n: NavNode): unknown => ({
  key: n.key,
  label: n.label,
  productCount: n.count,
  children: n.children.map(toNode),
});

type ListArgs = { search?: string | null; group?: string | null; first?: number | null; after?: string | null };
const argsOf = (a: ListArgs): SearchArgs => ({
  search: a.search ?? null,
  group: a.group ?? null,
  first: a.first ?? null,
  after: a.after ?? null,
});

export const resolvers = {
  MinorUnits,
  CatalogSearchResult: {
    __resolveType: (r: { __typename: string }) => r.__typename,
  },
  SavePromotionResult: {
    __resolveType: (r: { __typename: string }) => r.__typename,
  },
  Promotion: {
    text: (p: Promotion) => p.body,
    audience: (p: Promotion) => p.audience.toUpperCase(),
  },
  Query: {
    products: async (_: unknown, args: ListArgs, ctx: CatalogContext) => {
      const r = await search(ctx, argsOf(args));
      if (r.kind === "bad_cursor")
        throw new GraphQLError("malformed cursor", { extensions: { code: "BAD_USER_INPUT" } });
      return r.kind === "page" ? r : { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    },
    catalogSearch: async (_: unknown, args: ListArgs & { query: string }, ctx: CatalogContext) => {
      const r = await search(ctx, argsOf({ ...args, search: args.query }));
      if (r.kind === "page") return { __typename: "ProductConnection", ...r };
      if (r.kind === "bad_cursor") {
        return { __typename: "InvalidCursorError", code: "INVALID_CURSOR", message: "Ссылка на страницу устарела." };
      }
      return {
        __typename: "SearchQueryTooShortError",
        code: "SEARCH_QUERY_TOO_SHORT",
        message: `Введите не меньше ${r.minChars} символов или точный артикул.`,
        minChars: r.minChars,
      };
    },
    product: (_: unknown, args: { id: string }, ctx: CatalogContext) => ctx.loaders.product.load(args.id),
    productByArticle: (_: unknown, args: { article: string }, ctx: CatalogContext) =>
      ctx.loaders.productByArticle.load(args.article),
    productsByArticles: (_: unknown, args: { articles: string[] }, ctx: CatalogContext) => {
      if (args.articles.length > 1000) {
        throw new GraphQLError("at most 1000 articles per call", { extensions: { code: "BAD_USER_INPUT" } });
      }
      return ctx.loaders.productByArticle.loadMany(args.articles);
    },
    catalogNavigation: async (_: unknown, __: unknown, ctx: CatalogContext) => {
      const s = await ctx.settings();
      const rows = await navigationRows(ctx.db, ctx.tenantId(), s.navigation);
      return {
        mode: s.navigation.toUpperCase(),
        minSearchChars: s.minSearchChars,
        nodes: buildNavigation(rows).map(toNode),
      };
    },
    nomenclatureFile: (_: unknown, __: unknown, ctx: CatalogContext) => nomenclatureFile(ctx),
    promotions: (_: unknown, args: { audience?: "ALL" | "INDIVIDUAL" | null }, ctx: CatalogContext) =>
      promotions.listPromotions(ctx, args.audience ? (args.audience.toLowerCase() as Audience) : null),
    myDiscounts: async (_: unknown, __: unknown, ctx: CatalogContext) => {
      if (!ctx.companyId) return [];
      const today = todayInMoscow();
      const [company, own] = await Promise.all([
        discountRules(ctx.db, ctx.tenantId(), ctx.companyId),
        ctx.counterpartyId ? counterpartyDiscountRules(ctx.db, ctx.tenantId(), ctx.counterpartyId) : [],
      ]);
      const view =
        (forCounterparty: boolean) =>
        (r: { priceGroup: string; percentBp: number; validFrom: string; validUntil: string | null }) => ({
          priceGroup: r.priceGroup,
          discountPercent: r.percentBp / 100,
          validFrom: r.validFrom,
          validUntil: r.validUntil,
          active: r.validFrom <= today && (r.validUntil === null || r.validUntil >= today),
          forCounterparty,
        });
      return [...own.map(view(true)), ...company.map(view(false))];
    },
  },
  Mutation: {
    importProducts: (
      _: unknown,
      args: { input: { rows: ImportRow[]; partial?: boolean | null } },
      ctx: CatalogContext,
    ) => importProducts(ctx, args.input),
    savePromotion: (_: unknown, args: { id?: string | null; input: PromotionArgs }, ctx: CatalogContext) =>
      promotions.save(ctx, args.id ?? null, {
        ...args.input,
        body: args.input.text,
        audience: args.input.audience.toLowerCase() as Audience,
      }),
    deletePromotion: (_: unknown, args: { id: string }, ctx: CatalogContext) => promotions.remove(ctx, args.id),
    importDiscounts: (
      _: unknown,
      args: { input: { rows: DiscountImportRow[]; partial?: boolean | null } },
      ctx: CatalogContext,
    ) => importDiscounts(ctx, args.input),
  },
  Product: {
    __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.product.load(ref.id),
    dimensions: (p: ProductRow) =>
      p.lengthMm !== null && p.widthMm !== null && p.heightMm !== null
        ? { lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm }
        : null,
    successors: async (p: ProductRow, _: unknown, ctx: CatalogContext) => {
      if (p.successors.length === 0) return [];
      const rows = await ctx.loaders.productByArticle.loadMany(p.successors);
      return rows.filter((r): r is ProductRow => r !== null && !(r instanceof Error));
    },
    price: async (product: ProductRow, _: unknown, ctx: CatalogContext) => {
      const p = await ctx.priceOf(product);
      return {
        base: money(p.base, p.currency),
        yours: money(p.yours, p.currency),
        discountPercent: p.discountBp / 100,
        vatRatePercent: p.vatRateBp / 100,
        vatIncluded: p.vatIncluded,
        vat: money(p.vat, p.currency),
        retail: p.retail === null ? null : money(p.retail, p.currency),
        source: SOURCE[p.source],
      };
    },
  },
};
