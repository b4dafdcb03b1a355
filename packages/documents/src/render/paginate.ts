import { cellText } from "../cells.ts";
import type { Layout } from "../layout.ts";
import { LINE_HEIGHT, wrapText } from "./metrics.ts";
import { BODY_SIZE, columnsOf, type MeasuredRow, measureRow, rowsHeight } from "./table.ts";

/**
 * Measures a layout for the PDF and splits its table over pages before rendering: every table
 * row is wrapped with the embedded font's metrics, so its height is exact; the blocks react-pdf
 * lays out itself (title, fields, totals, paragraphs, signatures) are measured the same way.
 */
export const PAGE = {
  portrait: { width: 595.28, height: 841.89 },
  landscape: { width: 841.89, height: 595.28 },
};
export const MARGIN = { top: 28, bottom: 36, side: 28 };
export const SIZES = { body: BODY_SIZE, head: 7, band: 10, title: 12 };
/** Band: 6 pt padding around a 10 pt line, then 8 pt of space. */
export const BAND_HEIGHT = 2 * 6 + SIZES.band * LINE_HEIGHT + 8;
export const TABLE_GAP = 8;
export const FIELD_LABEL = { one: 0.24, two: 0.4 };
const LINE = SIZES.body * LINE_HEIGHT;
/** react-pdf breaks lines on its own; measuring a little narrower keeps the estimate on the safe side. */
const SLACK = 4;

export interface PdfPlan {
  contentWidth: number;
  /** The preamble (bank details) and the table head, measured. */
  preamble: MeasuredRow[];
  head: MeasuredRow[];
  body: MeasuredRow[];
  /** Body row indices on each page. */
  pages: number[][];
  /** Fields split into one or two columns. */
  fieldColumns: [string, string][][];
}

const lines = (text: string, width: number, size = SIZES.body) => wrapText(text, width - SLACK, size).length;

/** Height of the label/value fields: one column, or two side by side (labels take 40 % of a half). */
function fieldsHeight(columns: [string, string][][], width: number): number {
  const share = columns.length > 1 ? FIELD_LABEL.two : FIELD_LABEL.one;
  const half = width / columns.length;
  const heights = columns.map((fields) =>
    fields.reduce(
      (h, [label, value]) => h + Math.max(lines(label, half * share), lines(value, half * (1 - share))) * LINE + 2,
      0,
    ),
  );
  return Math.max(0, ...heights);
}

/** Measures the layout and decides which rows go on which page; the first page holds the header block, the last the totals. */
export function planPdf(layout: Layout): PdfPlan {
  const page = PAGE[layout.orientation];
  const contentWidth = page.width - 2 * MARGIN.side;
  const usable = page.height - MARGIN.top - MARGIN.bottom - BAND_HEIGHT;
  const columns = columnsOf(
    layout.columns.map((c) => c.width),
    layout.columns.map((c) => c.align ?? "left"),
    contentWidth,
  );
  const head: MeasuredRow[] = [];
  if (layout.columnGroups) {
    const groups = layout.columnGroups;
    const spans = columnsOf(
      groups.map((g, gi) => {
        const start = groups.slice(0, gi).reduce((n, x) => n + x.span, 0);
        return layout.columns.slice(start, start + g.span).reduce((n, c) => n + c.width, 0);
      }),
      groups.map(() => "center"),
      contentWidth,
    );
    head.push(
      measureRow(
        groups.map((g) => g.header),
        spans,
        true,
        SIZES.head,
      ),
    );
  }
  head.push(
    measureRow(
      layout.columns.map((c) => c.header),
      columns,
      true,
      SIZES.head,
    ),
  );
  const preambleColumns = columnsOf([60, 10, 30], ["left", "left", "left"], contentWidth);
  const preamble = (layout.preamble ?? []).map((r) => measureRow(r, preambleColumns));
  const body = layout.rows.map((r) => measureRow(r.map(cellText), columns));

  const fieldColumns =
    layout.fieldColumns === 2
      ? [
          layout.fields.slice(0, Math.ceil(layout.fields.length / 2)),
          layout.fields.slice(Math.ceil(layout.fields.length / 2)),
        ]
      : [layout.fields];
  const header =
    (preamble.length > 0 ? rowsHeight(preamble) + TABLE_GAP : 0) +
    lines(layout.title, contentWidth, SIZES.title) * SIZES.title * LINE_HEIGHT +
    16 +
    fieldsHeight(fieldColumns, contentWidth);
  const footer =
    layout.totals.length * (LINE + 1) +
    6 +
    layout.paragraphs.reduce((h, p) => h + lines(p, contentWidth) * LINE + 5, 0) +
    16 +
    Math.ceil(layout.signatures.length / 2) *
      Math.max(LINE, ...layout.signatures.map((s) => lines(s, contentWidth / 2) * LINE)) +
    Math.ceil(layout.signatures.length / 2) * 10;
  const headHeight = rowsHeight(head);

  const pages: number[][] = [];
  let current: number[] = [];
  let room = usable - header - TABLE_GAP - headHeight;
  body.forEach((row, i) => {
    if (row.height > room && current.length > 0) {
      pages.push(current);
      current = [];
      room = usable - TABLE_GAP - headHeight;
    }
    current.push(i);
    room -= row.height;
  });
  if (room < footer) {
    pages.push(current);
    current = [];
  }
  pages.push(current);
  return { contentWidth, preamble, head, body, pages, fieldColumns };
}
