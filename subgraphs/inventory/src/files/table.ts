import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** One data row of an uploaded table: its line in the file and its cells as text. */
export interface TableRow {
  line: number;
  cells: string[];
}

export class UnreadableFile extends Error {}

/** Bytes as text: UTF-8 (BOM or not) when valid, else Windows-1251 (1C and Russian Excel CSV). */
function decode(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !(value instanceof Date)) {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return "";
  }
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(`Не удалось прочитать файл Excel: ${(error as Error).message}`);
  }
  const sheet = book.worksheets[0];
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push({ line, cells });
  });
  return rows;
}

function readCsv(bytes: Buffer): TableRow[] {
  try {
    const records = parse(decode(bytes), {
      delimiter: [";", "\t", ","],
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    throw new UnreadableFile(`Не удалось прочитать CSV: ${(error as Error).message}`);
  }
}

/**
 * The rows of an uploaded table: .xlsx through exceljs, .csv/.txt through csv-parse (semicolon,
 * tab or comma). A first row that `isHeader` recognises is skipped.
 */
export async function readTable(
  fileName: string,
  bytes: Buffer,
  isHeader: (cells: string[]) => boolean,
): Promise<TableRow[]> {
  const lower = fileName.toLowerCase();
  let rows: TableRow[];
  if (lower.endsWith(".xlsx")) rows = await readXlsx(bytes);
  else if (lower.endsWith(".csv") || lower.endsWith(".txt")) rows = readCsv(bytes);
  else throw new UnreadableFile(`Поддерживаются файлы .xlsx и .csv, а не «${fileName}»`);
  const first = rows[0];
  if (first && isHeader(first.cells)) rows = rows.slice(1);
  return rows;
}
