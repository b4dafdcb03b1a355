import { type Fonts, LINE_HEIGHT, textWidth, type Weight, wrapText } from "./metrics.ts";

/**
 * A table measured up front and painted straight onto the PDF page (react-pdf's Canvas gives the
 * page's pdfkit painter). One react-pdf Text per cell costs a yoga measure, a textkit layout and
 * a font lookup each — seconds for a long act; painting a measured row is a few pdfkit calls.
 */

export type Align = "left" | "right" | "center";

export const PAD = { x: 3, y: 2 };
export const BODY_SIZE = 8;

export interface TableColumn {
  /** Left edge and width in points, from the table's left edge. */
  x: number;
  width: number;
  align: Align;
}

export interface MeasuredCell {
  x: number;
  width: number;
  align: Align;
  lines: string[];
}

export interface MeasuredRow {
  cells: MeasuredCell[];
  height: number;
  /** A head row: bold on the brand colour. */
  head: boolean;
  size: number;
}

/** Column geometry from relative widths over `total` points. */
export function columnsOf(widths: number[], aligns: Align[], total: number): TableColumn[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  let x = 0;
  return widths.map((w, i) => {
    const width = (w / sum) * total;
    const column = { x, width, align: aligns[i] ?? "left" };
    x += width;
    return column;
  });
}

/** Wraps every cell of a row into its column and computes the row's height. */
export function measureRow(texts: string[], columns: TableColumn[], head = false, size = BODY_SIZE): MeasuredRow {
  const weight: Weight = head ? "bold" : "regular";
  let lines = 1;
  const cells = columns.map((c, i) => {
    const text = texts[i] ?? "";
    const room = c.width - 2 * PAD.x;
    const wrapped =
      text === ""
        ? []
        : !text.includes("\n") && textWidth(text, size, weight) <= room
          ? [text]
          : wrapText(text, room, size, weight);
    lines = Math.max(lines, wrapped.length);
    return { x: c.x, width: c.width, align: c.align, lines: wrapped };
  });
  return { cells, height: lines * size * LINE_HEIGHT + 2 * PAD.y, head, size };
}

/** Left edge of a text line in its cell. */
export function alignedX(cell: { x: number; width: number; align: Align }, text: string, size: number, weight: Weight) {
  const free = Math.max(0, cell.width - 2 * PAD.x - textWidth(text, size, weight));
  return cell.x + PAD.x + (cell.align === "right" ? free : cell.align === "center" ? free / 2 : 0);
}

/** The subset of pdfkit that react-pdf's Canvas `paint` callback receives. */
export interface Painter {
  font(src: Fonts[keyof Fonts]): Painter;
  fontSize(size: number): Painter;
  fillColor(color: string): Painter;
  text(text: string, x: number, y: number, options: { lineBreak: false }): Painter;
  rect(x: number, y: number, w: number, h: number): Painter;
  fill(color: string): Painter;
  moveTo(x: number, y: number): Painter;
  lineTo(x: number, y: number): Painter;
  lineWidth(w: number): Painter;
  stroke(color: string): Painter;
}

export interface TableColours {
  fonts: Fonts;
  headFill: string;
  headText: string;
  text: string;
  border: string;
}

/** Paints rows from the canvas' top-left corner: head fills, texts, then every border in one stroke. */
export function paintRows(p: Painter, rows: MeasuredRow[], width: number, colours: TableColours): void {
  let y = 0;
  for (const row of rows) {
    if (row.head) p.rect(0, y, width, row.height).fill(colours.headFill);
    y += row.height;
  }
  y = 0;
  let previous: MeasuredRow | undefined;
  for (const row of rows) {
    const weight: Weight = row.head ? "bold" : "regular";
    // Each font() call makes pdfkit open and compare the font: only when the style changes.
    if (previous?.head !== row.head || previous.size !== row.size) {
      p.font(colours.fonts[weight])
        .fontSize(row.size)
        .fillColor(row.head ? colours.headText : colours.text);
    }
    previous = row;
    const line = row.size * LINE_HEIGHT;
    for (const cell of row.cells) {
      cell.lines.forEach((text, k) => {
        p.text(text, alignedX(cell, text, row.size, weight), y + PAD.y + k * line, { lineBreak: false });
      });
    }
    y += row.height;
  }
  // Grid: the top edge, each row's bottom edge, and each run of rows sharing columns gets its
  // vertical lines drawn once, top to bottom.
  p.moveTo(0, 0).lineTo(width, 0);
  let top = 0;
  let runTop = 0;
  rows.forEach((row, i) => {
    const bottom = top + row.height;
    p.moveTo(0, bottom).lineTo(width, bottom);
    const next = rows[i + 1];
    if (next?.cells.length !== row.cells.length || next.cells.some((c, k) => c.x !== row.cells[k]?.x)) {
      p.moveTo(0, runTop).lineTo(0, bottom);
      for (const cell of row.cells) p.moveTo(cell.x + cell.width, runTop).lineTo(cell.x + cell.width, bottom);
      runTop = bottom;
    }
    top = bottom;
  });
  p.lineWidth(0.5).stroke(colours.border);
}

export const rowsHeight = (rows: MeasuredRow[]) => rows.reduce((h, r) => h + r.height, 0);
