import type { CheckoutContext } from "../checkout/service.ts";
import type { OrdersContext } from "../context.ts";
import type { CheckoutInput } from "../domain/checkout.ts";
import { copyOrderToDraft, createDraft, deleteDraft, renameDraft, switchActiveDraft } from "../services/drafts.ts";
import { addLine, removeLine, setLineQuantity, submit } from "../services/orders.ts";

interface AddOrderLineInput {
  orderId: string;
  productId?: string | null;
  article?: string | null;
  quantity: number;
}

export const Mutation = {
  createDraft: (_: unknown, args: { name?: string | null }, ctx: OrdersContext) =>
    createDraft(ctx, { name: args.name ?? null }),
  renameDraft: (_: unknown, args: { orderId: string; name?: string | null }, ctx: OrdersContext) =>
    renameDraft(ctx, { orderId: args.orderId, name: args.name ?? null }),
  deleteDraft: (_: unknown, args: { orderId: string }, ctx: OrdersContext) => deleteDraft(ctx, args.orderId),
  setActiveDraft: (_: unknown, args: { orderId: string }, ctx: OrdersContext) => switchActiveDraft(ctx, args.orderId),
  copyOrderToDraft: (_: unknown, args: { orderId: string; name?: string | null }, ctx: OrdersContext) =>
    copyOrderToDraft(ctx, { orderId: args.orderId, name: args.name ?? null }),
  addOrderLine: (_: unknown, args: { input: AddOrderLineInput }, ctx: OrdersContext) => addLine(ctx, args.input),
  setOrderLineQuantity: (_: unknown, args: { orderId: string; lineId: string; quantity: number }, ctx: OrdersContext) =>
    setLineQuantity(ctx, args),
  removeOrderLine: (_: unknown, args: { orderId: string; lineId: string }, ctx: OrdersContext) => removeLine(ctx, args),
  submitOrder: (
    _: unknown,
    args: {
      orderId: string;
      comment?: string | null;
      customerNumber?: string | null;
      idempotencyKey?: string | null;
      checkout?: CheckoutInput | null;
    },
    ctx: CheckoutContext,
  ) =>
    submit(ctx, {
      orderId: args.orderId,
      idempotencyKey: args.idempotencyKey ?? null,
      checkout: { ...args.checkout, comment: args.comment, customerNumber: args.customerNumber },
    }),
};
