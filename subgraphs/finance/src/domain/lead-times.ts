/** Lead times on a commercial proposal: inventory's answer per product and warehouse, as text per line. Pure. */

/** One line's lead time at one warehouse, as inventory words it ("2 шт. - 1 раб. дн."). */
export interface LeadTimeQuote {
  productId: string;
  quantity: number;
  warehouse: string;
  text: string;
}

/**
 * The lead-time text of each line, in line order: the one warehouse's text, or every warehouse's
 * prefixed by its name ("Курск: 2 шт. - 1 раб. дн.; Брянск: …"); "" for a line without an answer.
 */
export function leadTimeTexts(
  lines: readonly { productId: string; quantity: number }[],
  quotes: readonly LeadTimeQuote[],
): string[] {
  return lines.map((line) => {
    const mine = quotes.filter((q) => q.productId === line.productId && q.quantity === line.quantity);
    if (mine.length === 1) return mine[0]?.text ?? "";
    return mine.map((q) => `${q.warehouse}: ${q.text}`).join("; ");
  });
}
