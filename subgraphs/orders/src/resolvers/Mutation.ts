import type { OrdersContext } from "../context.ts";
import { addLine, createDraft, removeLine, setLineQuantity, submit } from "../services/orders.ts";

interface AddOrderLineInput {
  orderId: string;
  productId?: string | null;
  article?: string | null;
  quantity: number;
}

export const Mutation = {
  createDraft: (_: unknown, args: { name?: string | null }, ctx: OrdersContext) =>
    createDraft(ctx, { name: args.name ?? null }),
  addOrderLine: (_: unknown, args: { input: AddOrderLineInput }, ctx: OrdersContext) => addLine(ctx, args.input),
  setOrderLineQuantity: (_: unknown, args: { orderId: string; lineId: string; quantity: number }, ctx: OrdersContext) =>
    setLineQuantity(ctx, args),
  removeOrderLine: (_: unknown, args: { orderId: string; lineId: string }, ctx: OrdersContext) => removeLine(ctx, args),
  submitOrder: (_: unknown, args: { orderId: string; comment?: string | null }, ctx: OrdersContext) =>
    submit(ctx, { orderId: args.orderId, comment: args.comment ?? null }),
};
