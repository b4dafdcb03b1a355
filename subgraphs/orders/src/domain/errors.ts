/** Expected failures of order operations: returned as `OrderError` union members, never thrown. */
export type OrderErrorCode =
  | "ORDER_NOT_FOUND"
  | "LINE_NOT_FOUND"
  | "NOT_A_DRAFT"
  | "EMPTY_ORDER"
  | "UNKNOWN_PRODUCT"
  | "INVALID_QUANTITY"
  | "BELOW_MINIMUM_QUANTITY"
  | "NOT_A_PACK_MULTIPLE"
  | "CURRENCY_MISMATCH"
  | "PRODUCT_REQUIRED"
  | "NOT_SUBMITTED"
  | "FORBIDDEN_TRANSITION"
  | "NO_TRANSITION_FOR_EVENT"
  | "ORDER_LOCKED"
  | "UNKNOWN_TAB"
  | "INVALID_ERP_NUMBER"
  | "INVALID_DATE"
  | "IDEMPOTENCY_KEY_REUSED"
  | "INVALID_IDEMPOTENCY_KEY"
  | "ORDER_TAKEN"
  | "NOT_YOUR_ORDER"
  | "EMPTY_COMMENT"
  | "COMMENT_TOO_LONG"
  | "REASON_REQUIRED"
  | "GUARD_NO_RIGHT"
  | "GUARD_NO_DEFERRAL"
  | "GUARD_OVERDUE_DEBT"
  | "GUARD_CREDIT_LIMIT"
  | "GUARD_STOCK_NOT_RESERVED"
  | "GUARD_NOT_PAID"
  | "INSUFFICIENT_STOCK"
  | "RESERVATION_FAILED"
  | "CHECKOUT_INVALID";

export interface OrderFailure {
  kind: "order_error";
  code: OrderErrorCode;
  message: string;
}

export function orderError(code: OrderErrorCode, message: string): OrderFailure {
  return { kind: "order_error", code, message };
}

export function isOrderFailure(value: unknown): value is OrderFailure {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "order_error";
}

export const notFound = () => orderError("ORDER_NOT_FOUND", "Заказ не найден.");
export const notADraft = () =>
  orderError("NOT_A_DRAFT", "Заказ уже отправлен: изменить или отправить его повторно нельзя.");

export const lockedOrder = (statusLabel: string) =>
  orderError(
    "ORDER_LOCKED",
    `Заказ в статусе «${statusLabel}» изменить нельзя: его можно скопировать в новый черновик.`,
  );
