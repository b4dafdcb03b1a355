import { mulExact, vatOf } from "./money.ts";

export type VatRounding = "per_line" | "per_document";

export interface PricedLine {
  quantity: number;
  /** Price of one unit in kopecks, VAT included or not as `vatIncluded` says. */
  unitPrice: number;
  vatRateBp: number;
  vatIncluded: boolean;
  /** The tenant's list price of one unit in kopecks, priced like `unitPrice`; null/absent: `unitPrice`. */
  basePrice?: number | null;
  /** Units per package (1: every unit is a package); absent: 1. */
  packMultiple?: number;
  /** Gross weight of one unit in grams; null/absent: unknown. */
  weightGrams?: number | null;
  /** Volume of one unit in cubic centimetres; null/absent: unknown. */
  volumeCm3?: number | null;
}

export interface Totals {
  /** Number of lines. */
  positions: number;
  /** Sum of quantities. */
  pieces: number;
  /** Packages: each line's quantity over its pack multiple, rounded up, summed. */
  packages: number;
  /** Gross weight of the lines whose weight is known, in grams. */
  massGrams: number;
  /** Lines whose weight is unknown (left out of `massGrams`). */
  massUnknown: number;
  /** Volume of the lines whose volume is known, in cubic centimetres. */
  volumeCm3: number;
  /** Lines whose volume is unknown (left out of `volumeCm3`). */
  volumeUnknown: number;
  /** At list prices, as priced (VAT included or not, like the prices), in kopecks. */
  baseCost: number;
  /** `baseCost` minus the lines at the dealer's prices, in kopecks (negative: above list). */
  discount: number;
  /** What the dealer pays, VAT included, in kopecks. */
  amount: number;
  /** The VAT contained in `amount`, in kopecks. */
  vat: number;
}

/** A line's amount as priced: unit price × quantity (VAT included or not, as the price is). */
export function lineAmount(line: Pick<PricedLine, "quantity" | "unitPrice">): number {
  return mulExact(line.unitPrice, line.quantity);
}

/** Packages a quantity fills: quantity over the pack multiple, rounded up. */
export function packagesOf(quantity: number, packMultiple = 1): number {
  const pack = Math.max(1, Math.trunc(packMultiple));
  return Math.ceil(quantity / pack);
}

const safe = (n: number, what: string) => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`order ${what} out of range`);
  return n;
};

/**
 * Order totals in integers (kopecks, grams, cm³). VAT is rounded on every line and summed
 * (`per_line`), or rounded once on the sum of lines sharing a rate (`per_document`). Prices
 * excluding VAT get the VAT added on top; prices including it keep their sum as the amount. Base
 * cost and discount are as priced (without VAT where the prices exclude it).
 */
export function orderTotals(lines: readonly PricedLine[], rounding: VatRounding): Totals {
  let pieces = 0;
  let packages = 0;
  let massGrams = 0;
  let massUnknown = 0;
  let volumeCm3 = 0;
  let volumeUnknown = 0;
  let baseCost = 0;
  let cost = 0;
  let vat = 0;
  /** VAT added on top of prices that exclude it. */
  let added = 0;
  const groups = new Map<string, { rateBp: number; included: boolean; sum: number }>();
  for (const line of lines) {
    pieces += line.quantity;
    packages += packagesOf(line.quantity, line.packMultiple);
    if (line.weightGrams == null) massUnknown += 1;
    else massGrams += mulExact(line.weightGrams, line.quantity);
    if (line.volumeCm3 == null) volumeUnknown += 1;
    else volumeCm3 += mulExact(line.volumeCm3, line.quantity);
    const sum = lineAmount(line);
    cost += sum;
    baseCost += line.basePrice == null ? sum : mulExact(line.basePrice, line.quantity);
    if (rounding === "per_line") {
      const v = vatOf(sum, line.vatRateBp, line.vatIncluded);
      vat += v;
      if (!line.vatIncluded) added += v;
    } else {
      const key = `${line.vatRateBp}:${line.vatIncluded}`;
      const g = groups.get(key) ?? { rateBp: line.vatRateBp, included: line.vatIncluded, sum: 0 };
      g.sum += sum;
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) {
    const v = vatOf(g.sum, g.rateBp, g.included);
    vat += v;
    if (!g.included) added += v;
  }
  return {
    positions: lines.length,
    pieces: safe(pieces, "quantity"),
    packages: safe(packages, "packages"),
    massGrams: safe(massGrams, "mass"),
    massUnknown,
    volumeCm3: safe(volumeCm3, "volume"),
    volumeUnknown,
    baseCost: safe(baseCost, "base cost"),
    discount: safe(baseCost - cost, "discount"),
    amount: safe(cost + added, "amount"),
    vat,
  };
}
