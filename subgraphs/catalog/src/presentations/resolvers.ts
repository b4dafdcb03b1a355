import DataLoader from "dataloader";
import { todayInMoscow } from "../context.ts";
import type { ProductRow } from "../db/queries.ts";
import * as db from "./db.ts";
import { offerPrice, type PresentationInput, presentationState } from "./domain.ts";
import type { PresentationContext as Ctx } from "./service.ts";
import * as service from "./service.ts";

type Row = db.PresentationRow;
type LineParent = db.PresentationLineRow & { discountBp: number };

/** One lines loader per request (the context object lives exactly one request). */
const lineLoaders = new WeakMap<object, DataLoader<string, db.PresentationLineRow[]>>();
function linesLoader(ctx: Ctx) {
  let loader = lineLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await db.linesOf(ctx.db, ctx.tenantId(), ids);
      return ids.map((id) => rows.filter((r) => r.presentationId === id));
    });
    lineLoaders.set(ctx, loader);
  }
  return loader;
}

const product = async (l: LineParent, ctx: Ctx): Promise<ProductRow> => {
  const p = await ctx.loaders.product.load(l.productId);
  if (!p) throw new Error(`presentation line: product ${l.productId} is gone`);
  return p;
};
const money = async (ctx: Ctx, amount: number) => ({ amount, currency: (await ctx.settings()).currency });

export const presentationResolvers = {
  types: {
    PresentationResult: { __resolveType: (r: { __typename: string }) => r.__typename },
    Tenant: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      presentationsEnabled: (t: { id: string }, _: unknown, ctx: Ctx) => db.presentationsEnabled(ctx.db, t.id),
    },
    Presentation: {
      company: (p: Row) => ({ __typename: "DealerCompany", id: p.companyId }),
      discountPercent: (p: Row) => p.discountBp / 100,
      status: (p: Row) => presentationState(p, todayInMoscow()).toUpperCase(),
      sentAt: (p: Row) => p.sentAt?.toISOString() ?? null,
      createdAt: (p: Row) => p.createdAt.toISOString(),
      lines: async (p: Row, _: unknown, ctx: Ctx): Promise<LineParent[]> =>
        (await linesLoader(ctx).load(p.id)).map((l) => ({ ...l, discountBp: p.discountBp })),
    },
    PresentationLine: {
      product: (l: LineParent, _: unknown, ctx: Ctx) => product(l, ctx),
      base: async (l: LineParent, _: unknown, ctx: Ctx) => money(ctx, (await product(l, ctx)).basePrice),
      offer: async (l: LineParent, _: unknown, ctx: Ctx) =>
        money(ctx, offerPrice((await product(l, ctx)).basePrice, l.discountBp)),
      retail: async (l: LineParent, _: unknown, ctx: Ctx) => {
        const retail = (await product(l, ctx)).retailPrice;
        return retail === null ? null : money(ctx, retail);
      },
    },
  },
  Query: {
    presentations: (_: unknown, __: unknown, ctx: Ctx) => service.listPresentations(ctx),
    presentation: (_: unknown, a: { id: string }, ctx: Ctx) => service.presentation(ctx, a.id),
  },
  Mutation: {
    savePresentation: (_: unknown, a: { id?: string | null; input: PresentationInput }, ctx: Ctx) =>
      service.save(ctx, a.id ?? null, a.input),
    sendPresentation: (_: unknown, a: { id: string }, ctx: Ctx) => service.send(ctx, a.id),
    deletePresentation: (_: unknown, a: { id: string }, ctx: Ctx) => service.remove(ctx, a.id),
  },
};
