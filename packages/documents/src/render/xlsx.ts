import ExcelJS from "exceljs";
import type { Cell, Layout } from "../layout.ts";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Money as a number of rubles with a "# ##0,00" format, counts as numbers: sortable and summable in Excel. */
function put(target: ExcelJS.Cell, c: Cell) {
  if (typeof c === "string") target.value = c;
  else if ("money" in c) {
    target.value = c.money / 100;
    target.numFmt = "#,##0.00";
  } else target.value = c.int;
}

/** The layout as one worksheet: title, fields, the table with a branded head, totals, paragraphs, signatures. */
export async function renderXlsx(layout: Layout): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = layout.branding.name;
  const ws = wb.addWorksheet("Документ", {
    pageSetup: { paperSize: 9, orientation: layout.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = layout.columns.length;
  ws.columns = layout.columns.map((c) => ({ width: Math.max(6, Math.round(c.width * 1.4)) }));
  const line = (values: Cell[]) => {
    const row = ws.addRow([]);
    values.forEach((v, i) => {
      put(row.getCell(i + 1), v);
    });
    return row;
  };
  const brand = line([layout.branding.name]);
  brand.font = { bold: true, color: { argb: argb(layout.branding.onPrimary) } };
  brand.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(layout.branding.primary) } };
  for (const r of layout.preamble ?? []) line(r.map((v) => v.replace("\n", " ")));
  const title = line([layout.title]);
  title.font = { bold: true, size: 14 };
  for (const [label, value] of layout.fields) line([label, value]);
  ws.addRow([]);
  if (layout.columnGroups) {
    const row = line([]);
    let col = 1;
    for (const g of layout.columnGroups) {
      row.getCell(col).value = g.header;
      ws.mergeCells(row.number, col, row.number, col + g.span - 1);
      col += g.span;
    }
    row.font = { bold: true };
  }
  const head = line(layout.columns.map((c) => c.header));
  head.font = { bold: true, color: { argb: argb(layout.branding.onPrimary) } };
  head.alignment = { wrapText: true, vertical: "middle" };
  for (let i = 1; i <= n; i++) {
    head.getCell(i).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(layout.branding.primary) } };
  }
  const thin = { style: "thin" as const };
  for (const r of layout.rows) {
    const row = line(r);
    for (let i = 1; i <= n; i++) row.getCell(i).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  for (const [label, value] of layout.totals) {
    const row = ws.addRow([]);
    row.getCell(Math.max(1, n - 1)).value = label;
    put(row.getCell(n), value);
    row.font = { bold: true };
  }
  ws.addRow([]);
  for (const p of layout.paragraphs) line([p]);
  ws.addRow([]);
  for (const sig of layout.signatures) line([sig]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
