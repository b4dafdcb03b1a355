/**
 * A catalog file (a table of cells with a header row) turned into importProducts rows. Pure: the
 * header names the columns (any order, case ignored); prices are roubles ("1 234,50"); a cell that
 * cannot be read is an error of its row, named in Russian.
 */

export interface ProductImportRow {
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
  priceGroup?: string | null;
  description?: string | null;
  hsCode?: string | null;
  ean13?: string | null;
  retailPrice?: number | null;
  discontinued?: boolean | null;
  successors?: string[] | null;
}

type Kind = "text" | "money" | "int" | "bool" | "list" | "path";
const COLUMNS: { header: string; key: keyof ProductImportRow; kind: Kind; required?: boolean }[] = [
  { header: "Артикул", key: "article", kind: "text", required: true },
  { header: "Наименование", key: "name", kind: "text", required: true },
  { header: "Цена", key: "basePrice", kind: "money", required: true },
  { header: "Бренд", key: "brand", kind: "text" },
  { header: "Серия", key: "series", kind: "text" },
  { header: "Группа", key: "groupPath", kind: "path" },
  { header: "Ед.", key: "unit", kind: "text" },
  { header: "Кратность", key: "packMultiple", kind: "int" },
  { header: "Мин. заказ", key: "minQuantity", kind: "int" },
  { header: "Вес, г", key: "weightGrams", kind: "int" },
  { header: "Ценовая группа", key: "priceGroup", kind: "text" },
  { header: "Описание", key: "description", kind: "text" },
  { header: "Код ТН ВЭД", key: "hsCode", kind: "text" },
  { header: "EAN-13", key: "ean13", kind: "text" },
  { header: "Розничная цена", key: "retailPrice", kind: "money" },
  { header: "Снят с производства", key: "discontinued", kind: "bool" },
  { header: "Замена", key: "successors", kind: "list" },
];

export const IMPORT_HEADERS = COLUMNS.map((c) => c.header);

export interface ParsedLine {
  /** The file's line (the header is line 1). */
  line: number;
  article: string;
  row: ProductImportRow | null;
  errors: string[];
}

export type ParsedTable = { ok: true; lines: ParsedLine[] } | { ok: false; message: string };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

function cell(kind: Kind, raw: string, header: string): { value: unknown } | { error: string } {
  const v = raw.trim();
  if (v === "") return { value: null };
  switch (kind) {
    case "text":
      return { value: v };
    case "money": {
      const n = v.replace(/[\s\u00a0]/g, "").replace(",", ".");
      if (!/^-?\d+(\.\d{1,2})?$/.test(n)) return { error: `${header} «${v}»: нужна сумма в рублях, например 1234,50` };
      return { value: Math.round(Number(n) * 100) };
    }
    case "int":
      if (!/^-?\d+$/.test(v)) return { error: `${header} «${v}»: нужно целое число` };
      return { value: Number(v) };
    case "bool": {
      const b = norm(v);
      if (["да", "1", "true"].includes(b)) return { value: true };
      if (["нет", "0", "false"].includes(b)) return { value: false };
      return { error: `${header} «${v}»: укажите «да» или «нет»` };
    }
    case "list":
      return {
        value: v
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case "path":
      return {
        value: v
          .split("/")
          .map((s) => s.trim())
          .filter(Boolean),
      };
  }
}

export function parseCatalogTable(table: readonly (readonly string[])[]): ParsedTable {
  const [header, ...body] = table;
  if (!header) return { ok: false, message: "Файл пуст: нужна строка заголовков и строки товаров." };
  const at = new Map(header.map((h, i) => [norm(h), i]));
  const missing = COLUMNS.filter((c) => c.required && !at.has(norm(c.header))).map((c) => `«${c.header}»`);
  if (missing.length > 0) return { ok: false, message: `В первой строке нет колонок: ${missing.join(", ")}.` };
  const lines: ParsedLine[] = [];
  for (const [i, cells] of body.entries()) {
    if (cells.every((c) => c.trim() === "")) continue;
    const row: Record<string, unknown> = {};
    const errors: string[] = [];
    for (const c of COLUMNS) {
      const idx = at.get(norm(c.header));
      if (idx === undefined) continue;
      const r = cell(c.kind, cells[idx] ?? "", c.header);
      if ("error" in r) errors.push(r.error);
      else if (r.value !== null) row[c.key] = r.value;
    }
    const article = String(row.article ?? "");
    if (row.basePrice === undefined && !errors.some((e) => e.startsWith("Цена "))) errors.push("Не указана цена");
    lines.push({
      line: i + 2,
      article,
      row: errors.length === 0 ? ({ name: "", ...row, article } as ProductImportRow) : null,
      errors,
    });
  }
  if (lines.length === 0) return { ok: false, message: "В файле нет строк с товарами." };
  return { ok: true, lines };
}
