/** Document lines from an order as the orders subgraph returns it. Pure. */

export interface OrderLineInput {
  article: string;
  name: string;
  quantity: number;
  /** Unit of measure as the catalog names it (шт, м, кг…). */
  unit: string;
  /** Kopecks, as the tenant's prices are: with VAT when they include it. */
  unitPrice: number;
  amount: number;
}

export interface VatLine extends OrderLineInput {
  netPrice: number;
  listPrice: number;
  net: number;
  vat: number;
  gross: number;
}

/** VAT contained in (or added to) an amount at a rate in basis points, rounded half up to a kopeck. */
export function vatOf(amount: number, rateBp: number, included: boolean): number {
  return included ? Math.round((amount * rateBp) / (10000 + rateBp)) : Math.round((amount * rateBp) / 10000);
}

/**
 * Splits every line into net, VAT and gross. The totals are the order's own (its VAT is rounded as
 * the tenant configures, per line or per document), so the document's totals always equal the order's.
 */
export function vatLines(
  lines: readonly OrderLineInput[],
  totals: { amount: number; vat: number },
  pricing: { vatRateBp: number; pricesIncludeVat: boolean },
): { lines: VatLine[]; totals: { net: number; vat: number; gross: number } } {
  const { vatRateBp: rate, pricesIncludeVat: incl } = pricing;
  const out = lines.map((l): VatLine => {
    const vat = vatOf(l.amount, rate, incl);
    const net = incl ? l.amount - vat : l.amount;
    const unitVat = vatOf(l.unitPrice, rate, incl);
    return {
      ...l,
      netPrice: incl ? l.unitPrice - unitVat : l.unitPrice,
      listPrice: l.unitPrice,
      net,
      vat,
      gross: net + vat,
    };
  });
  return { lines: out, totals: { net: totals.amount - totals.vat, vat: totals.vat, gross: totals.amount } };
}
