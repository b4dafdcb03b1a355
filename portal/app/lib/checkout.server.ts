import type { Client } from "@urql/core";
import {
  CheckoutFormQuery,
  CheckoutSubmitMutation,
  DraftCheckoutQuery,
  OrderCheckoutQuery,
  UpdateDraftCheckoutMutation,
} from "../graphql/checkout";
import { checkoutFromForm } from "./checkout";
import { mutate, query } from "./gateway.server";

/**
 * For the order page: a draft's checkout form (the tenant's fields) with the values the dealer left
 * on it, or a submitted order's checkout.
 */
export async function checkoutOf(client: Client, order: { id: string; isDraft: boolean }) {
  if (order.isDraft) {
    const [form, values] = await Promise.all([
      query(client, CheckoutFormQuery, {}),
      query(client, DraftCheckoutQuery, { id: order.id }),
    ]);
    return { checkoutForm: form.checkoutForm, draftValues: values.order?.draftCheckout ?? null, checkout: null };
  }
  return {
    checkoutForm: null,
    draftValues: null,
    checkout: (await query(client, OrderCheckoutQuery, { id: order.id })).order?.checkout ?? null,
  };
}

/** Submits a draft with the checkout form's fields and the form's idempotency key. */
export async function submitCheckout(client: Client, orderId: string, form: FormData) {
  const { comment, customerNumber, checkout } = checkoutFromForm(form);
  const idempotencyKey = String(form.get("submissionKey") ?? "") || null;
  return (await mutate(client, CheckoutSubmitMutation, { orderId, comment, customerNumber, idempotencyKey, checkout }))
    .submitOrder;
}

/** Keeps what the dealer has filled in so far on the draft (unchecked until it is sent). */
export async function saveDraftCheckout(client: Client, orderId: string, form: FormData) {
  const { comment, customerNumber, checkout } = checkoutFromForm(form);
  return (await mutate(client, UpdateDraftCheckoutMutation, { orderId, comment, customerNumber, checkout }))
    .updateDraftCheckout;
}
