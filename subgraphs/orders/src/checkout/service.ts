import { withTenant } from "@dpp/db";
import { CHECKOUT_FIELDS, type Checkout, type CheckoutFieldKey, checkoutOf } from "@dpp/tenant";
import type { Dealer, OrdersContext } from "../context.ts";
import { lockOrder, type OrderRow, orderBySubmissionKey } from "../db/queries.ts";
import {
  type CheckoutFacts,
  type CheckoutInput,
  type CheckoutProblem,
  type CheckoutValues,
  checkoutLabel,
  defaultCounterparty,
  type NormalizedCheckout,
  normalizeCheckoutInput,
  validateCheckout,
} from "../domain/checkout.ts";
import { notFound, type OrderFailure, orderError } from "../domain/errors.ts";
import { checkIdempotentReplay, submissionFingerprint } from "../domain/submission.ts";
import type { CheckoutClients } from "./clients.ts";
import { addressesOf, type DeliveryAddressRow, storeDraftCheckout } from "./db.ts";

export type CheckoutContext = OrdersContext & { checkoutClients: CheckoutClients };

/** A checkout refused field by field: an OrderError whose `problems` name each field. */
export type CheckoutFailure = OrderFailure & { problems: CheckoutProblem[] };

/** The tenant's checkout form as the orders settings keep it (the default where none is configured). */
export async function formOf(ctx: OrdersContext): Promise<Checkout> {
  return checkoutOf({ checkout: (await ctx.settings()).checkout ?? undefined });
}

const today = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Moscow" }).format(new Date());

/**
 * The dealer's facts the form needs, each asked only when used: counterparties whenever one is
 * named (sent or the session's), contracts and warehouses when their field is shown and, for a
 * submission (`input` given), when one is sent; saved addresses where the form has an address.
 */
async function factsFor(
  ctx: CheckoutContext,
  d: Dealer,
  form: Checkout,
  input: NormalizedCheckout | null,
): Promise<CheckoutFacts & { addresses: DeliveryAddressRow[] }> {
  const shown = (k: CheckoutFieldKey) => form[k].mode !== "hidden";
  const needs = {
    counterparties: shown("counterparty") || d.actor.counterpartyId != null || !!input?.counterpartyId,
    contracts: shown("contract") && (input === null || input.contractId !== null),
    warehouses: shown("warehouse") && (input === null || input.warehouseId !== null),
  };
  const scope = { tenantId: d.tenantId, companyId: d.companyId };
  const [counterparties, contracts, warehouses, addresses] = await Promise.all([
    needs.counterparties ? ctx.checkoutClients.counterparties(d.actor, ctx.requestId) : [],
    needs.contracts ? ctx.checkoutClients.contracts(d.tenantId, d.companyId, ctx.requestId) : [],
    needs.warehouses ? ctx.checkoutClients.warehouses(d.tenantId, ctx.requestId) : [],
    shown("deliveryAddress") ? addressesOf(ctx.db, scope) : [],
  ]);
  return {
    activeCounterpartyId: d.actor.counterpartyId ?? null,
    counterparties,
    contracts,
    warehouses,
    today: today(),
    lastAddress: addresses[0]?.address ?? null,
    addresses,
  };
}

/** The checkout form for the calling dealer: the shown fields with their choices, and the saved addresses. */
export async function checkoutFormFor(ctx: CheckoutContext) {
  const d = ctx.dealer();
  const form = await formOf(ctx);
  const facts = await factsFor(ctx, d, form, null);
  const choices = (key: CheckoutFieldKey) => {
    if (key === "counterparty") return facts.counterparties.map((c) => ({ code: c.id, label: c.name }));
    if (key === "contract") return facts.contracts.map((c) => ({ code: c.id, label: c.number }));
    if (key === "warehouse") return facts.warehouses.map((w) => ({ code: w.id, label: w.name }));
    return form[key].options ?? [];
  };
  return {
    fields: CHECKOUT_FIELDS.filter((k) => form[k].mode !== "hidden").map((key) => ({
      key,
      label: checkoutLabel(form, key),
      required: form[key].mode === "required",
      default: form[key].default ?? null,
      options: choices(key),
    })),
    defaultCounterpartyId: facts.counterparties.some((c) => c.id === defaultCounterparty(facts))
      ? defaultCounterparty(facts)
      : null,
    savedAddresses: facts.addresses,
  };
}

export interface CheckedSubmission {
  values: CheckoutValues;
  /** The digest of the body as sent (idempotency: the same key must come with the same body). */
  fingerprint: string;
}

/**
 * Before a submission: a repeated idempotency key is answered from the earlier order (the same
 * body) or refused (another body) without asking anyone; else the checkout is validated against
 * the tenant's form and the dealer's facts. Nothing is written here.
 */
export async function checkSubmission(
  ctx: CheckoutContext,
  input: { orderId: string; idempotencyKey: string | null; checkout: CheckoutInput },
): Promise<CheckedSubmission | { earlier: OrderRow } | OrderFailure> {
  const d = ctx.dealer();
  const body = normalizeCheckoutInput(input.checkout);
  const fingerprint = submissionFingerprint({ orderId: input.orderId, checkout: body });
  if (input.idempotencyKey) {
    const key = input.idempotencyKey;
    const earlier = await withTenant(ctx.db, d.tenantId, (tx) => orderBySubmissionKey(tx, d, key));
    if (earlier) {
      const replay = checkIdempotentReplay(earlier, fingerprint);
      return replay === "replay" ? { earlier } : replay;
    }
  }
  const form = await formOf(ctx);
  const r = validateCheckout(form, input.checkout, await factsFor(ctx, d, form, body));
  if (!r.ok) return checkoutFailure(r.problems);
  return { values: r.values, fingerprint };
}

function checkoutFailure(problems: CheckoutProblem[]): CheckoutFailure {
  const first = problems[0]?.message ?? "";
  const more = problems.length > 1 ? ` И еще ${problems.length - 1} — см. поля формы.` : "";
  return { ...orderError("CHECKOUT_INVALID", `${first}${more}`), problems };
}

/**
 * Keeps what the dealer has filled in on a draft of its company (normalized as a submission is),
 * unchecked against the form: it is checked when the draft is submitted.
 */
export async function updateDraftCheckout(
  ctx: OrdersContext,
  input: { orderId: string; checkout: CheckoutInput },
): Promise<OrderRow | OrderFailure> {
  const d = ctx.dealer();
  const values = normalizeCheckoutInput(input.checkout);
  const result = await withTenant(ctx.db, d.tenantId, async (tx) => {
    const order = await lockOrder(tx, { ...d.scope, companyId: d.companyId }, input.orderId);
    if (!order) return notFound();
    if (!order.isDraft) return orderError("NOT_A_DRAFT", "Заказ уже отправлен: его оформление не меняется.");
    return storeDraftCheckout(tx, d.tenantId, order.id, values);
  });
  ctx.forget(input.orderId);
  return result;
}
