import type { Client } from "@urql/core";
import { CheckoutFormQuery, CheckoutSubmitMutation, OrderCheckoutQuery } from "../graphql/checkout";
import { checkoutFromForm } from "./checkout";
import { mutate, query } from "./gateway.server";

/** For the order page: a draft's checkout form (the tenant's fields), or a submitted order's checkout. */
export async function checkoutOf(client: Client, order: { id: string; isDraft: boolean }) {
  if (order.isDraft) return { checkoutForm: (await query(client, CheckoutFormQuery, {})).checkoutForm, checkout: null };
  return {
    checkoutForm: null,
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
