import { createHash } from "node:crypto";
import { notADraft, type OrderFailure, orderError } from "./errors.ts";
import type { Totals } from "./totals.ts";

/** Why a draft cannot be submitted, or null when it can. */
export function checkSubmittable(order: { isDraft: boolean }, lineCount: number): OrderFailure | null {
  if (!order.isDraft) return notADraft();
  if (lineCount < 1)
    return orderError("EMPTY_ORDER", "В заказе нет ни одной позиции: добавьте товары перед отправкой.");
  return null;
}

/** The portal's order number: the tenant's sequence, zero-padded to six digits (000042). */
export function formatOrderNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError("order sequence must be ≥ 1");
  return String(sequence).padStart(6, "0");
}

export interface OrderSubmittedPayload {
  orderId: string;
  number: string;
  userId: string;
  companyId: string;
  statusCode: string;
  statusLabel: string;
  total: { amount: number; currency: string };
  lines: number;
  /** The buyer counterparty and the contract chosen at checkout (finance files the invoice under them). */
  counterpartyId: string | null;
  contractId: string | null;
}

/** The `order.submitted` outbox event. */
export function orderSubmittedEvent(input: {
  order: {
    id: string;
    userId: string;
    companyId: string;
    currency: string;
    counterpartyId?: string | null;
    checkout?: { contract: { id: string } | null } | null;
  };
  number: string;
  status: { code: string; label: string };
  totals: Pick<Totals, "positions" | "amount">;
}): OrderSubmittedPayload {
  return {
    orderId: input.order.id,
    number: input.number,
    userId: input.order.userId,
    companyId: input.order.companyId,
    statusCode: input.status.code,
    statusLabel: input.status.label,
    total: { amount: input.totals.amount, currency: input.order.currency },
    lines: input.totals.positions,
    counterpartyId: input.order.counterpartyId ?? null,
    contractId: input.order.checkout?.contract?.id ?? null,
  };
}

/**
 * What a submission asked for, as a stable digest: the same idempotency key must come with the same
 * body. `checkout` is every checkout field as sent, normalized (domain/checkout.ts), comment and
 * customer number included.
 */
export function submissionFingerprint(body: { orderId: string; checkout: object }): string {
  return createHash("sha256")
    .update(JSON.stringify([body.orderId, body.checkout]))
    .digest("hex");
}

/**
 * A repeated idempotency key: the same body gets the order it submitted back ("replay"), another
 * body is refused.
 */
export function checkIdempotentReplay(
  earlier: { submissionFingerprint: string | null },
  fingerprint: string,
): "replay" | OrderFailure {
  if (earlier.submissionFingerprint === fingerprint) return "replay";
  return orderError(
    "IDEMPOTENCY_KEY_REUSED",
    "Этот ключ идемпотентности уже использован для другой отправки: создайте новый ключ.",
  );
}

/** An idempotency key as accepted: 1 to 200 visible characters. */
export function checkIdempotencyKey(key: string): OrderFailure | null {
  if (key.length < 1 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
    return orderError("INVALID_IDEMPOTENCY_KEY", "Ключ идемпотентности: от 1 до 200 латинских символов без пробелов.");
  return null;
}
