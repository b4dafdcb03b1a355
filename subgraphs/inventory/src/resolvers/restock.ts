import { badInput, requireUser } from "@dpp/server";
import { type InventoryContext, requireService } from "../context.ts";
import { claimRestockSubscribers, subscribeToRestock, unsubscribeFromRestock } from "../db/restock.ts";

export const restockMutations = {
  subscribeToRestock: async (_: unknown, args: { productId: string }, ctx: InventoryContext) => {
    const user = requireUser(ctx.actor);
    const known = await ctx.catalog.productsByIds(user.tenantId, [args.productId]);
    if (!known.has(args.productId)) throw badInput(`Товар ${args.productId} не найден`, "productId");
    await subscribeToRestock(ctx.db, user.tenantId, args.productId, user.userId);
    return true;
  },
  unsubscribeFromRestock: (_: unknown, args: { productId: string }, ctx: InventoryContext) => {
    const user = requireUser(ctx.actor);
    return unsubscribeFromRestock(ctx.db, user.tenantId, args.productId, user.userId);
  },
  claimRestockSubscribers: (_: unknown, args: { productId: string; eventId: string }, ctx: InventoryContext) =>
    claimRestockSubscribers(ctx.db, requireService(ctx.actor), args.productId, args.eventId),
};
