import { type OrderFailure, orderError } from "./errors.ts";

export interface QuantityRule {
  /** The product's pack multiple (1 = any quantity). */
  packMultiple: number;
  /** The product's minimum order quantity. */
  minQuantity: number;
  /** Tenant feature: round quantities up to the pack multiple instead of refusing them. */
  packRounding: boolean;
  /** Shown in messages, e.g. the article. */
  article: string;
}

/**
 * Turns a requested quantity into the quantity that goes on the line, or a failure:
 * a whole number ≥ 1; rounded up to the pack multiple when the tenant rounds, otherwise a
 * non-multiple is refused; and at least the product's minimum.
 */
export function normalizeQuantity(requested: number, rule: QuantityRule): { quantity: number } | OrderFailure {
  if (!Number.isSafeInteger(requested) || requested < 1) {
    return orderError("INVALID_QUANTITY", `Количество должно быть целым числом не меньше 1 (указано: ${requested}).`);
  }
  const pack = Math.max(1, Math.trunc(rule.packMultiple));
  let quantity = requested;
  if (quantity % pack !== 0) {
    if (!rule.packRounding) {
      return orderError(
        "NOT_A_PACK_MULTIPLE",
        `Товар ${rule.article} заказывается упаковками по ${pack} шт.: количество ${requested} не кратно упаковке.`,
      );
    }
    quantity = Math.ceil(quantity / pack) * pack;
  }
  if (quantity < rule.minQuantity) {
    return orderError(
      "BELOW_MINIMUM_QUANTITY",
      `Минимальное количество для товара ${rule.article}: ${rule.minQuantity} шт. (указано: ${quantity}).`,
    );
  }
  return { quantity };
}
