/** Validating rows of a catalog / price-list import: every problem named per row. Pure. */
import { checkEan13 } from "./ean13.ts";

export interface ImportRow {
  article: string;
  name: string;
  basePrice: number;
  brand?: string | null;
  series?: string | null;
  groupPath?: string[] | null;
  unit?: string | null;
  packMultiple?: number | null;
  minQuantity?: number | null;
  weightGrams?: number | null;
  volumeCm3?: number | null;
  priceGroup?: string | null;
  description?: string | null;
  hsCode?: string | null;
  ean13?: string | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  retailPrice?: number | null;
  discontinued?: boolean | null;
  successors?: string[] | null;
}

export type RowCheck =
  | { row: number; article: string; ok: true; value: ImportRow }
  | { row: number; article: string; ok: false; errors: string[] };

const positiveInt = (v: number | null | undefined) => v === null || v === undefined || (Number.isInteger(v) && v >= 1);
const nonNegInt = (v: number | null | undefined) =>
  v === null || v === undefined || (Number.isSafeInteger(v) && v >= 0);

/**
 * Checks every row (1-based, as in the file). `knownArticles` are the tenant's articles already
 * stored; successors may name them or other rows of the same import.
 */
export function checkImportRows(rows: readonly ImportRow[], knownArticles: ReadonlySet<string>): RowCheck[] {
  const inFile = new Map<string, number>();
  for (const [i, r] of rows.entries()) if (!inFile.has(r.article)) inFile.set(r.article, i + 1);
  return rows.map((r, i) => {
    const row = i + 1;
    const errors: string[] = [];
    const article = r.article ?? "";
    if (article.trim() === "") errors.push("Не указан артикул");
    else if (article !== article.trim()) errors.push(`Артикул «${article}» начинается или заканчивается пробелом`);
    else if (article.length > 64) errors.push("Артикул длиннее 64 символов");
    const first = inFile.get(article);
    if (article && first !== undefined && first !== row) errors.push(`Артикул «${article}» уже есть в строке ${first}`);
    if (!r.name || r.name.trim() === "") errors.push("Не указано наименование");
    if (!Number.isSafeInteger(r.basePrice)) errors.push("Цена должна быть целым числом копеек");
    else if (r.basePrice < 0) errors.push("Цена не может быть отрицательной");
    if (!nonNegInt(r.retailPrice)) errors.push("Розничная цена должна быть неотрицательным целым числом копеек");
    if (!positiveInt(r.packMultiple)) errors.push("Кратность упаковки должна быть целым числом не меньше 1");
    if (!positiveInt(r.minQuantity)) errors.push("Минимальный заказ должен быть целым числом не меньше 1");
    for (const [label, v] of [
      ["Вес", r.weightGrams],
      ["Объём", r.volumeCm3],
      ["Длина", r.lengthMm],
      ["Ширина", r.widthMm],
      ["Высота", r.heightMm],
    ] as const) {
      if (!nonNegInt(v)) errors.push(`${label} должен быть неотрицательным целым числом`);
    }
    if (r.ean13) {
      const e = checkEan13(r.ean13);
      if (!e.ok) errors.push(e.message);
    }
    if (r.hsCode && !/^\d{10}$/.test(r.hsCode)) errors.push(`Код ТН ВЭД «${r.hsCode}»: нужно 10 цифр`);
    for (const s of r.successors ?? []) {
      if (s === article) errors.push("Товар не может заменять сам себя");
      else if (!knownArticles.has(s) && !inFile.has(s)) errors.push(`Неизвестный артикул замены «${s}»`);
    }
    if (r.successors && r.successors.length > 0 && !r.discontinued) {
      errors.push("Замена указывается только для товара, снятого с производства");
    }
    if (errors.length > 0) return { row, article, ok: false, errors };
    return {
      row,
      article,
      ok: true,
      value: { ...r, ean13: r.ean13 ? r.ean13.replace(/\s+/g, "") : null, name: r.name.trim() },
    };
  });
}
