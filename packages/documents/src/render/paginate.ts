import { cellText } from "../cells.ts";
import type { Layout } from "../layout.ts";

/**
 * Splits a layout's table over pages before rendering, by an estimate of each row's height, so
 * the PDF renderer lays out each page once instead of re-splitting the remaining content for
 * every page (what made a 200-line invoice take seconds). The estimate is conservative: DejaVu
 * Sans averages ~0.55 em per character, we count 0.62.
 */
export const PAGE = {
  portrait: { width: 595.28, height: 841.89 },
  landscape: { width: 841.89, height: 595.28 },
};
export const MARGIN = { top: 28, bottom: 36, side: 28 };
export const FONT_SIZE = 8;
const LINE = FONT_SIZE * 1.25;
const CHAR = FONT_SIZE * 0.62;

/** Lines a text takes in a box `width` points wide (greedy word wrap; long words break). */
export function linesOf(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width / CHAR));
  let lines = 0;
  for (const para of text.split("\n")) {
    let n = 1;
    let used = 0;
    for (const word of para.split(" ")) {
      if (word.length > perLine) {
        if (used > 0) n += 1;
        n += Math.ceil(word.length / perLine) - 1;
        used = word.length % perLine || perLine;
        continue;
      }
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        n += 1;
        used = word.length;
      }
    }
    lines += n;
  }
  return lines;
}

/** Height of a table row whose columns take `percents` of `contentWidth`. */
export function rowHeight(cells: string[], percents: number[], contentWidth: number): number {
  let lines = 1;
  cells.forEach((c, i) => {
    const w = ((percents[i] ?? 0) / 100) * contentWidth - 6;
    lines = Math.max(lines, linesOf(c, w));
  });
  return lines * LINE + 4.5;
}

export interface PagePlan {
  /** Row indices on this page. */
  rows: number[];
}

/** Which rows go on which page: the first page also holds the header block, the last the totals. */
export function paginate(layout: Layout, percents: number[]): PagePlan[] {
  const page = PAGE[layout.orientation];
  const contentWidth = page.width - 2 * MARGIN.side;
  const usable = page.height - MARGIN.top - MARGIN.bottom - 34; // minus the brand band
  const text = (t: string, widthShare = 1) => linesOf(t, contentWidth * widthShare) * LINE;
  let header = 14 * 1.25 + 16; // title
  for (const r of layout.preamble ?? []) header += rowHeight(r, [60, 10, 30], contentWidth);
  for (const [, v] of layout.fields) header += text(v, 0.76) + 2;
  const headRow =
    rowHeight(
      layout.columns.map((c) => c.header),
      percents,
      contentWidth,
    ) + (layout.columnGroups ? LINE * 2 + 4.5 : 0);
  let footer = layout.totals.length * LINE + 6;
  for (const p of layout.paragraphs) footer += text(p) + 5;
  footer += Math.ceil(layout.signatures.length / 2) * (LINE * 2 + 10) + 16;
  const heights = layout.rows.map((r) => rowHeight(r.map(cellText), percents, contentWidth));

  const pages: PagePlan[] = [];
  let current: number[] = [];
  let room = usable - header - 8 - headRow;
  heights.forEach((h, i) => {
    if (h > room && current.length > 0) {
      pages.push({ rows: current });
      current = [];
      room = usable - 8 - headRow;
    }
    current.push(i);
    room -= h;
  });
  if (room < footer) {
    pages.push({ rows: current });
    current = [];
  }
  pages.push({ rows: current });
  return pages;
}
