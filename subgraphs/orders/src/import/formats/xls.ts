import * as XLSX from "@e965/xlsx";
import * as cptable from "@e965/xlsx/dist/cpexcel.full";
import type { Cell, GridRow } from "../grid.ts";

// Old BIFF files store text in the workbook's code page (Windows-1251 in Russian Excel).
XLSX.set_cptable(cptable);

function readCell(sheet: XLSX.WorkSheet, address: string, mergedInto: string | undefined): Cell | null {
  if (mergedInto) return { text: "", number: null, mergedInto };
  const c = sheet[address] as XLSX.CellObject | undefined;
  if (!c || c.t === "z") return null;
  if (c.t === "e") return { text: "", number: null, formulaProblem: c.w ?? "ошибка" };
  if (c.t === "n") return { text: c.w ?? String(c.v), number: c.v as number };
  return { text: c.w ?? String(c.v ?? ""), number: null };
}

/** The first sheet of a legacy .xls (BIFF) workbook; formulas read as the values saved with the file. */
export function readXls(bytes: Buffer): GridRow[] {
  const book = XLSX.read(bytes, { type: "buffer", cellFormula: false, cellHTML: false, cellStyles: false });
  const name = book.SheetNames[0];
  const sheet = name ? book.Sheets[name] : undefined;
  if (!sheet?.["!ref"]) return [];
  const covered = new Map<string, string>();
  for (const m of sheet["!merges"] ?? []) {
    const master = XLSX.utils.encode_cell(m.s);
    for (let r = m.s.r; r <= m.e.r; r++) {
      for (let c = Math.max(m.s.c, 0); c <= Math.min(m.e.c, 1); c++) {
        if (r !== m.s.r || c !== m.s.c) covered.set(XLSX.utils.encode_cell({ r, c }), master);
      }
    }
  }
  const range = XLSX.utils.decode_range(sheet["!ref"]);
  const rows: GridRow[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const a = XLSX.utils.encode_cell({ r, c: 0 });
    const q = XLSX.utils.encode_cell({ r, c: 1 });
    rows.push({
      line: r + 1,
      article: readCell(sheet, a, covered.get(a)),
      quantity: readCell(sheet, q, covered.get(q)),
    });
  }
  return rows;
}
