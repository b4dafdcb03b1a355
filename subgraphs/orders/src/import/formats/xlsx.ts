import { SSF } from "@e965/xlsx";
import ExcelJS from "exceljs";
import type { Cell, GridRow } from "../grid.ts";

type Value = ExcelJS.CellValue;

/** What a cell value shows; formulas read through their cached result (Excel saves it with the file). */
function readValue(value: Value, c: ExcelJS.Cell): Omit<Cell, "mergedInto"> {
  if (value === null || value === undefined) return { text: "", number: null };
  // exceljs's `text` ignores number formats: "0000" must show 983 as 0983, as Excel does.
  if (typeof value === "number") return { text: SSF.format(c.numFmt || "General", value), number: value };
  if (typeof value === "string") return { text: value, number: null };
  if (typeof value === "boolean") return { text: String(value), number: null };
  if (value instanceof Date) return { text: c.text, number: null };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join(""), number: null };
  if ("error" in value) return { text: "", number: null, formulaProblem: value.error };
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null) return { text: "", number: null, formulaProblem: "нет результата" };
    if (typeof result === "object" && "error" in result)
      return { text: "", number: null, formulaProblem: result.error };
    return readValue(result as Value, c);
  }
  if ("text" in value) return { text: String(value.text), number: null };
  return { text: "", number: null };
}

function readCell(c: ExcelJS.Cell): Cell | null {
  if (c.isMerged && c.master.address !== c.address) {
    return { text: "", number: null, mergedInto: c.master.address };
  }
  const v = readValue(c.value, c);
  return v.text === "" && v.number === null && !v.formulaProblem ? null : v;
}

/** The first worksheet of an .xlsx workbook; throws on a file exceljs cannot open. */
export async function readXlsx(bytes: Buffer): Promise<GridRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    rows.push({ line, article: readCell(row.getCell(1)), quantity: readCell(row.getCell(2)) });
  });
  return rows;
}
