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
  | "PRODUCT_REQUIRED";

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
