import type { OrdersContext } from "../context.ts";
import { isOrderFailure } from "../domain/errors.ts";
import { type OrderListFilter, orderList, setErpNumber, tabsWithCounts, trackOrder } from "../services/lists.ts";

/** Order lists: tabs with counts, filters and search; following an order; the ERP's number. */
export const listResolvers = {
  Query: {
    orderList: (_: unknown, args: { filter?: OrderListFilter | null }, ctx: OrdersContext) =>
      orderList(ctx, args.filter ?? {}),
    orderTabCounts: (_: unknown, __: unknown, ctx: OrdersContext) => tabsWithCounts(ctx),
  },
  Mutation: {
    trackOrder: (_: unknown, args: { orderId: string; tracked: boolean }, ctx: OrdersContext) => trackOrder(ctx, args),
    setOrderErpNumber: (_: unknown, args: { orderId: string; erpNumber: string }, ctx: OrdersContext) =>
      setErpNumber(ctx, args),
  },
  OrderListResult: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : "OrderList") },
};
