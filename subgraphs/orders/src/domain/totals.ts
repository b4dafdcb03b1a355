import { mulExact, vatOf } from "./money.ts";

export type VatRounding = "per_line" | "per_document";

export interface PricedLine {
  quantity: number;
  /** Price of one unit in kopecks, VAT included or not as `vatIncluded` says. */
  unitPrice: number;
  vatRateBp: number;
  vatIncluded: boolean;
}

export interface Totals {
  /** Number of lines. */
  positions: number;
  /** Sum of quantities. */
  pieces: number;
  /** What the dealer pays, VAT included, in kopecks. */
  amount: number;
  /** The VAT contained in `amount`, in kopecks. */
  vat: number;
}

/** A line's amount as priced: unit price × quantity (VAT included or not, as the price is). */
export function lineAmount(line: Pick<PricedLine, "quantity" | "unitPrice">): number {
  return mulExact(line.unitPrice, line.quantity);
}

/**
 * Order totals in integer kopecks. VAT is rounded on every line and summed (`per_line`), or
 * rounded once on the sum of lines sharing a rate (`per_document`). Prices excluding VAT get the
 * VAT added on top; prices including it keep their sum as the amount.
 */
export function orderTotals(lines: readonly PricedLine[], rounding: VatRounding): Totals {
  let pieces = 0;
  let amount = 0;
  let vat = 0;
  const groups = new Map<string, { rateBp: number; included: boolean; sum: number }>();
  for (const line of lines) {
    pieces += line.quantity;
    const sum = lineAmount(line);
    amount += sum;
    if (rounding === "per_line") {
      const v = vatOf(sum, line.vatRateBp, line.vatIncluded);
      vat += v;
      if (!line.vatIncluded) amount += v;
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
    if (!g.included) amount += v;
  }
  if (!Number.isSafeInteger(amount)) throw new RangeError("order amount out of range");
  return { positions: lines.length, pieces, amount, vat };
}
