import type { OrdersContext } from "../context.ts";
import type { OrderCommentRow, OrderRow } from "../db/queries.ts";
import { isOrderFailure } from "../domain/errors.ts";
import { addComment, commentsForOrder, listForManager, type ManagerView, takeOrder } from "../services/manager.ts";

const user = (id: string) => ({ __typename: "User", id });

/** The manager's side: their orders and the pool, taking an order, comments both ways. */
export const managerResolvers = {
  Query: {
    managerOrders: (_: unknown, args: { view?: ManagerView | null; first?: number | null }, ctx: OrdersContext) =>
      listForManager(ctx, { view: args.view ?? "MINE", first: args.first ?? 50 }),
  },
  Mutation: {
    takeOrder: (_: unknown, args: { orderId: string }, ctx: OrdersContext) => takeOrder(ctx, args.orderId),
    addOrderComment: (_: unknown, args: { orderId: string; body: string }, ctx: OrdersContext) => addComment(ctx, args),
  },
  Order: {
    company: (o: OrderRow) => ({ __typename: "DealerCompany", id: o.companyId }),
    manager: (o: OrderRow) => (o.managerUserId ? user(o.managerUserId) : null),
    comments: (o: OrderRow, _: unknown, ctx: OrdersContext) => commentsForOrder(ctx, o),
  },
  OrderComment: {
    author: (c: OrderCommentRow) => user(c.authorUserId),
    createdAt: (c: OrderCommentRow) => c.createdAt.toISOString(),
  },
  OrderCommentResult: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : "OrderComment") },
};
