import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/**
 * A catalog file's cells as text: the first sheet of an .xlsx, or a .csv (";" when the header
 * line has one, else ","; UTF-8 with or without BOM). Null for any other kind of file.
 */
export async function readCatalogFile(name: string, bytes: Buffer): Promise<string[][] | null> {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) {
    const firstLine = bytes.toString("utf8", 0, Math.min(bytes.length, 4096)).split(/\r?\n/)[0] ?? "";
    const delimiter = firstLine.includes(";") ? ";" : ",";
    return parse(bytes, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true });
  }
  if (!lower.endsWith(".xlsx")) return null;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(row.getCell(c).text ?? "");
    rows.push(cells);
  });
  return rows;
}
