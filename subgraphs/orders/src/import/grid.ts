/**
 * The first two columns of a spreadsheet or text table as the import reads them, and the pure
 * rules that turn them into rows: header detection, article kept exactly, quantity parsing.
 */

/** One cell as its file shows it. */
export interface Cell {
  /** The text the dealer sees in the cell (formatted: "0983" for a number formatted 0000). */
  text: string;
  /** The numeric value when the cell holds a number (or a formula whose cached result is one). */
  number: number | null;
  /** The address of the merged range's first cell when this cell is covered by a merge. */
  mergedInto?: string;
  /** A formula without a cached result, or an error value such as #N/A. */
  formulaProblem?: string;
}

/** A row of the file: its 1-based line number and its first two cells (other columns ignored). */
export interface GridRow {
  line: number;
  article: Cell | null;
  quantity: Cell | null;
}

export type RowProblem =
  | { code: "MISSING_ARTICLE"; message: string }
  | { code: "BAD_QUANTITY"; message: string }
  | { code: "MERGED_CELL"; message: string }
  | { code: "FORMULA_WITHOUT_VALUE"; message: string };

/** A data row: the article exactly as written and the requested quantity, or why it cannot be read. */
export interface ImportRow {
  line: number;
  article: string;
  /** Requested quantity; null with a problem. */
  quantity: number | null;
  problem: RowProblem | null;
}

const HEADER_WORDS = /артик|арт\.|код|наимен|кол|шт|article|sku|code|part|qty|quant|amount|count/i;

const isBlank = (c: Cell | null) => c === null || (c.text.trim() === "" && c.number === null && !c.mergedInto);

/** "1 200", "12,0", " 7 " → integer; "1,5", "abc", "" → null. Thousands separated by spaces, as 1C and Excel (ru-RU) copy them. */
export function parseQuantity(cell: Cell): number | null {
  if (cell.number !== null) return cell.number;
  const s = cell.text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

function problemOf(row: GridRow): RowProblem | null {
  for (const [name, cell] of [
    ["артикула", row.article],
    ["количества", row.quantity],
  ] as const) {
    if (cell?.mergedInto) {
      return {
        code: "MERGED_CELL",
        message: `Ячейка ${name} объединена с ячейкой ${cell.mergedInto}: разъедините ячейки и укажите значение в каждой строке.`,
      };
    }
    if (cell?.formulaProblem) {
      return {
        code: "FORMULA_WITHOUT_VALUE",
        message: `Ячейка ${name} — формула без вычисленного значения (${cell.formulaProblem}): сохраните файл в Excel, чтобы он посчитал формулы, или вставьте значения.`,
      };
    }
  }
  const article = row.article?.text.trim() ?? "";
  if (article === "") return { code: "MISSING_ARTICLE", message: "Не указан артикул (колонка 1)." };
  const shown = row.quantity?.text.trim() ?? "";
  const q = row.quantity ? parseQuantity(row.quantity) : null;
  if (q === null) {
    return {
      code: "BAD_QUANTITY",
      message:
        shown === ""
          ? "Не указано количество (колонка 2)."
          : `Количество «${shown}» — не число: укажите целое число штук.`,
    };
  }
  if (!Number.isSafeInteger(q) || q < 1) {
    return { code: "BAD_QUANTITY", message: `Количество ${shown || q} — должно быть целым числом не меньше 1.` };
  }
  return null;
}

/**
 * Data rows of a grid. Rows empty in both columns are skipped. The first non-empty row is a
 * header when its quantity is not a number and one of its two cells reads like a column name
 * ("Артикул", "Кол-во", "Qty"); a first row with a bad quantity otherwise stays a data row and is
 * reported.
 */
export function readRows(grid: readonly GridRow[]): { rows: ImportRow[]; headerLine: number | null } {
  const filled = grid.filter((r) => !(isBlank(r.article) && isBlank(r.quantity)));
  let headerLine: number | null = null;
  const first = filled[0];
  if (first && (first.quantity === null || parseQuantity(first.quantity) === null)) {
    const words = `${first.article?.text ?? ""} ${first.quantity?.text ?? ""}`;
    if (HEADER_WORDS.test(words)) headerLine = first.line;
  }
  const rows = filled
    .filter((r) => r.line !== headerLine)
    .map((r) => {
      const problem = problemOf(r);
      return {
        line: r.line,
        article: r.article?.text.trim() ?? "",
        quantity: problem ? null : (parseQuantity(r.quantity as Cell) as number),
        problem,
      };
    });
  return { rows, headerLine };
}
