import type { OrdersContext } from "../context.ts";
import { listForDealer, orderForDealer } from "../services/orders.ts";

export const Query = {
  orders: (_: unknown, args: { drafts?: boolean | null; first?: number | null }, ctx: OrdersContext) =>
    listForDealer(ctx, { drafts: args.drafts ?? false, first: args.first ?? 50 }),
  order: (_: unknown, args: { id: string }, ctx: OrdersContext) => orderForDealer(ctx, args.id),
};
