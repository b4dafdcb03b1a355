/** Pure rules of a stock file or an ERP update: every row checked, errors named per row. No I/O. */

/** One row as sent: the warehouse by its code, the product by its article, the quantity on hand. */
export interface StockUpdateRow {
  warehouseCode: string;
  article: string;
  quantity: number;
  /** Distributor uploads: the distributor's page for the product (http or https). */
  link?: string | null;
  /** The row's line in an uploaded file; else its position from 1. */
  line?: number;
}

export type StockUpdateErrorCode =
  | "UNKNOWN_WAREHOUSE"
  | "UNKNOWN_ARTICLE"
  | "NEGATIVE_QUANTITY"
  | "DUPLICATE_ROW"
  | "INVALID_LINK";

export interface StockUpdateRowError {
  /** 1-based position in the input (the file's data rows, after the header). */
  row: number;
  code: StockUpdateErrorCode;
  message: string;
}

export interface ResolvedStockRow {
  productId: string;
  article: string;
  warehouseId: string;
  quantity: number;
  link: string | null;
}

const isHttpUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

export type StockUpdatePlan = { ok: true; rows: ResolvedStockRow[] } | { ok: false; errors: StockUpdateRowError[] };

/**
 * Resolves codes and articles and checks every row; any error fails the whole update (nothing
 * is half-applied). A row repeating an earlier warehouse × article is a duplicate, named with
 * the row it repeats. Rows come out sorted by (product, warehouse): the order rows are locked in.
 */
export function planStockUpdate(
  input: readonly StockUpdateRow[],
  warehouseIds: ReadonlyMap<string, string>,
  productIds: ReadonlyMap<string, string>,
): StockUpdatePlan {
  const errors: StockUpdateRowError[] = [];
  const seen = new Map<string, number>();
  const rows: ResolvedStockRow[] = [];
  input.forEach((r, i) => {
    const row = r.line ?? i + 1;
    const warehouseId = warehouseIds.get(r.warehouseCode);
    const productId = productIds.get(r.article);
    if (!warehouseId) {
      errors.push({ row, code: "UNKNOWN_WAREHOUSE", message: `Нет склада с кодом «${r.warehouseCode}»` });
    }
    if (!productId) errors.push({ row, code: "UNKNOWN_ARTICLE", message: `Нет товара с артикулом «${r.article}»` });
    if (!Number.isSafeInteger(r.quantity) || r.quantity < 0) {
      errors.push({
        row,
        code: "NEGATIVE_QUANTITY",
        message: Number.isNaN(r.quantity)
          ? "Количество не указано или не число"
          : `Количество должно быть целым и не меньше 0: ${r.quantity}`,
      });
    }
    const link = r.link ? r.link : null;
    if (link !== null && !isHttpUrl(link)) {
      errors.push({ row, code: "INVALID_LINK", message: `Ссылка должна начинаться с http:// или https://: ${link}` });
    }
    const key = `${r.warehouseCode}\u0000${r.article}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row,
        code: "DUPLICATE_ROW",
        message: `Склад «${r.warehouseCode}» и артикул «${r.article}» уже были в строке ${first}`,
      });
    } else seen.set(key, row);
    if (warehouseId && productId) rows.push({ productId, article: r.article, warehouseId, quantity: r.quantity, link });
  });
  if (errors.length > 0) return { ok: false, errors };
  rows.sort((a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId));
  return { ok: true, rows };
}
