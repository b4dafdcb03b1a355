import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS, type ParsedSource, parseSource } from "../src/import/source.ts";
import { edgeCasesWorkbook } from "./fixtures/make-import-fixtures.ts";

/**
 * Reading real files: the committed fixtures (an .xls saved by LibreOffice, CSV in Windows-1251
 * and UTF-8 with BOM, a password-protected .xlsx) and workbooks written by exceljs here.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const asFile = (filename: string, bytes: Buffer) => ({ file: { filename, contentBase64: bytes.toString("base64") } });

async function parsed(filename: string, bytes: Buffer): Promise<ParsedSource> {
  const r = await parseSource(asFile(filename, bytes));
  if ("kind" in r) throw new Error(`${r.code}: ${r.message}`);
  return r;
}
const summary = (p: ParsedSource) => p.rows.map((r) => [r.line, r.article, r.quantity, r.problem?.code ?? null]);

/** What edge-cases.xlsx holds (see make-import-fixtures.ts), read the same from .xlsx and .xls. */
const EDGE_ROWS = [
  [2, "0983", 2, null],
  [3, "0983", 3, null],
  [4, "aBc-12", 12, null],
  [5, "F-1", 6, null],
  [6, "M-1", 1, null],
  [7, "", null, "MERGED_CELL"],
  [8, "Q-1", null, "BAD_QUANTITY"],
  [10, "0983", 1200, null],
  [11, "", null, "MISSING_ARTICLE"],
];

describe("spreadsheets", () => {
  it("reads the .xlsx edge cases: header, leading zeros, text numbers, formula results, merged cells", async () => {
    const p = await parsed("заказ.xlsx", await edgeCasesWorkbook());
    expect(p.format).toBe("xlsx");
    expect(p.headerLine).toBe(1);
    expect(summary(p)).toEqual(EDGE_ROWS);
  });

  it("reads the same sheet saved as .xls by LibreOffice", async () => {
    const p = await parsed("заказ.xls", fixture("edge-cases.xls"));
    expect(p.format).toBe("xls");
    expect(p.headerLine).toBe(1);
    expect(summary(p)).toEqual(EDGE_ROWS);
  });

  it("recognises the format by content, not by the file's name", async () => {
    expect((await parsed("order.xls", fixture("edge-cases.xlsx"))).format).toBe("xlsx");
  });

  it("reads a formula whose cached result is text", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("1").addRow([{ formula: 'CONCATENATE("00","7")', result: "007" }, 4]);
    const p = await parsed("f.xlsx", Buffer.from(await book.xlsx.writeBuffer()));
    expect(summary(p)).toEqual([[1, "007", 4, null]]);
  });
});

describe("CSV and paste", () => {
  it.each([
    ["1C export in Windows-1251, semicolons", "1c-cp1251.csv"],
    ["Excel export in UTF-8 with BOM, commas", "excel-utf8-bom.csv"],
  ])("%s", async (_, name) => {
    const p = await parsed(name, fixture(name));
    expect(p.format).toBe("csv");
    expect(p.headerLine).toBe(1);
    expect(summary(p)).toEqual([
      [2, "0983", 2, null],
      [3, "Ab-7", 1000, null],
    ]);
  });

  it.each([
    ["tabs, as copied from Excel", "0983\t2\tлишнее\r\nAb-7\t5\n"],
    ["semicolons, as copied from 1C", "0983;2\nAb-7;5;\n"],
    ["a header and blank lines", "Артикул\tКоличество\n\n0983\t2\n\nAb-7\t5\n"],
  ])("paste with %s", async (_, text) => {
    const r = await parseSource({ paste: text });
    if ("kind" in r) throw new Error(r.message);
    expect(r.format).toBe("paste");
    expect(r.rows.map((x) => [x.article, x.quantity])).toEqual([
      ["0983", 2],
      ["Ab-7", 5],
    ]);
  });
});

describe("files that cannot be read", () => {
  const tooManyRows = async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("1");
    for (let i = 0; i <= IMPORT_LIMITS.maxRows; i++) sheet.addRow([`A${i}`, 1]);
    return Buffer.from(await book.xlsx.writeBuffer());
  };
  const emptyBook = async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Пусто");
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  it.each([
    [
      "password-protected",
      "secret.xlsx",
      () => fixture("password-protected.xlsx"),
      "FILE_ENCRYPTED",
      "Файл «secret.xlsx» защищён паролем: снимите пароль в Excel и загрузите снова.",
    ],
    [
      "truncated",
      "broken.xlsx",
      () => fixture("edge-cases.xlsx").subarray(0, 3000),
      "FILE_BROKEN",
      "Файл «broken.xlsx» повреждён или не является таблицей Excel/CSV.",
    ],
    [
      "an .xls that is text",
      "fake.xls",
      () => Buffer.from("not a workbook"),
      "FILE_BROKEN",
      "Файл «fake.xls» повреждён или не является таблицей Excel/CSV.",
    ],
    [
      "a picture",
      "photo.png",
      () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
      "UNSUPPORTED_FORMAT",
      "Файл «photo.png» — не таблица: загрузите .xlsx, .xls или .csv.",
    ],
    ["zero bytes", "empty.csv", () => Buffer.alloc(0), "FILE_EMPTY", "Файл «empty.csv» пуст."],
    [
      "a workbook without rows",
      "empty.xlsx",
      emptyBook,
      "NO_ROWS",
      "В файле нет строк с артикулом и количеством (колонки 1 и 2).",
    ],
    [
      "more rows than allowed",
      "big.xlsx",
      tooManyRows,
      "TOO_MANY_ROWS",
      `В файле 10001 строк, за один раз можно загрузить не больше 10000: разделите файл.`,
    ],
    [
      "over 1 MB",
      "huge.csv",
      () => Buffer.alloc(IMPORT_LIMITS.maxBytes + 10, 0x41),
      "FILE_TOO_LARGE",
      "Файл больше 1 МБ: оставьте колонки артикула и количества или разделите файл.",
    ],
  ])("%s", async (_, filename, bytes, code, message) => {
    expect(await parseSource(asFile(filename, await bytes()))).toEqual({ kind: "import_file_error", code, message });
  });

  it("an empty paste", async () => {
    expect(await parseSource({ paste: " \n\t\n" })).toMatchObject({
      code: "FILE_EMPTY",
      message: "Вставленный текст пуст.",
    });
  });
});
