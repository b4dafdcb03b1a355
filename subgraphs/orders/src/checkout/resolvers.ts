import type { OrderRow } from "../db/queries.ts";
import type { CheckoutInput, CheckoutProblem } from "../domain/checkout.ts";
import { activeDraft } from "../services/drafts.ts";
import { listForDealer } from "../services/orders.ts";
import { addressesOf, type DeliveryAddressRow, deleteAddress } from "./db.ts";
import { type CheckoutContext, checkoutFormFor, updateDraftCheckout } from "./service.ts";

const address = (a: DeliveryAddressRow) => ({ id: a.id, address: a.address, lastUsedAt: a.lastUsedAt.toISOString() });

export const checkoutResolvers = {
  Query: {
    checkoutForm: async (_: unknown, __: unknown, ctx: CheckoutContext) => {
      const form = await checkoutFormFor(ctx);
      return { ...form, savedAddresses: form.savedAddresses.map(address) };
    },
    draftSwitcher: async (_: unknown, __: unknown, ctx: CheckoutContext) => {
      ctx.dealer(); // refused before any query starts
      const [settings, active, drafts] = await Promise.all([
        ctx.settings(),
        activeDraft(ctx),
        listForDealer(ctx, { drafts: true, first: 20 }),
      ]);
      return { multipleDrafts: settings.multipleDrafts, active, drafts };
    },
    deliveryAddresses: async (_: unknown, __: unknown, ctx: CheckoutContext) =>
      (await addressesOf(ctx.db, ctx.dealer())).map(address),
  },
  Mutation: {
    deleteDeliveryAddress: (_: unknown, args: { id: string }, ctx: CheckoutContext) =>
      deleteAddress(ctx.db, ctx.dealer(), args.id),
    updateDraftCheckout: (
      _: unknown,
      args: {
        orderId: string;
        comment?: string | null;
        customerNumber?: string | null;
        checkout?: CheckoutInput | null;
      },
      ctx: CheckoutContext,
    ) =>
      updateDraftCheckout(ctx, {
        orderId: args.orderId,
        checkout: { ...args.checkout, comment: args.comment, customerNumber: args.customerNumber },
      }),
  },
  OrderError: {
    problems: (e: { problems?: CheckoutProblem[] }) => e.problems ?? [],
  },
  Order: {
    checkout: (o: OrderRow) => (o.isDraft ? null : o.checkout),
    draftCheckout: (o: OrderRow) => (o.isDraft ? o.draftCheckout : null),
  },
};
