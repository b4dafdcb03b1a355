/** Pure pricing rules: integers of kopecks in, integers out. No I/O. */

export interface PriceInput {
  /** List price for one unit in kopecks. */
  basePrice: number;
  /** Discount in basis points (1250 = 12.5 %), 0 when none. */
  discountBp: number;
  /** VAT rate in basis points (2000 = 20 %). */
  vatRateBp: number;
  /** Whether list prices include VAT. */
  pricesIncludeVat: boolean;
}

export interface PriceResult {
  base: number;
  yours: number;
  discountBp: number;
  vat: number;
}

/** Integer division rounding half away from zero (for non-negative numerators: half up). */
export function divRound(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return r * 2 >= denominator ? q + 1 : q;
}

export function priceFor(input: PriceInput): PriceResult {
  if (!Number.isSafeInteger(input.basePrice) || input.basePrice < 0) throw new RangeError("basePrice must be kopecks");
  const discountBp = Math.min(Math.max(input.discountBp, 0), 10000);
  const yours = divRound(input.basePrice * (10000 - discountBp), 10000);
  const vat = input.pricesIncludeVat
    ? divRound(yours * input.vatRateBp, 10000 + input.vatRateBp)
    : divRound(yours * input.vatRateBp, 10000);
  return { base: input.basePrice, yours, discountBp, vat };
}

export interface DiscountRule {
  priceGroup: string;
  percentBp: number;
  validFrom: string; // YYYY-MM-DD
  validUntil: string | null;
}

/** The discount that applies to a price group on a day: the latest valid rule, or 0. */
export function discountFor(rules: DiscountRule[], priceGroup: string | null, day: string): number {
  if (!priceGroup) return 0;
  let best: DiscountRule | undefined;
  for (const r of rules) {
    if (r.priceGroup !== priceGroup || r.validFrom > day || (r.validUntil !== null && r.validUntil < day)) continue;
    if (!best || r.validFrom > best.validFrom) best = r;
  }
  return best?.percentBp ?? 0;
}
