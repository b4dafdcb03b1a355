import type { OrdersContext } from "../context.ts";
import { activeDraft } from "../services/drafts.ts";
import { listForDealer, orderForCaller } from "../services/orders.ts";

export const Query = {
  orders: (_: unknown, args: { drafts?: boolean | null; first?: number | null }, ctx: OrdersContext) =>
    listForDealer(ctx, { drafts: args.drafts ?? false, first: args.first ?? 50 }),
  activeDraft: (_: unknown, __: unknown, ctx: OrdersContext) => activeDraft(ctx),
  order: (_: unknown, args: { id: string }, ctx: OrdersContext) => orderForCaller(ctx, args.id),
};
