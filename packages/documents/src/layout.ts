/**
 * A document as the three renderers (PDF, XLSX, HTML) draw it: a title, labelled fields, one
 * table, totals, paragraphs and signatures. Each document type builds one of these from its data.
 */

/** A table cell: text, money (kopecks, shown as "38 410,00") or a whole number. */
export type Cell = string | { money: number } | { int: number };

export interface Column {
  header: string;
  /** Relative width. */
  width: number;
  align?: "left" | "right" | "center";
}

export interface Layout {
  /** File name stem, e.g. "Счет_000042". */
  fileName: string;
  title: string;
  orientation: "portrait" | "landscape";
  branding: { name: string; primary: string; onPrimary: string };
  /** A small bordered table above the title (the bank details of an invoice). */
  preamble?: string[][];
  /** Label → value lines under the title. */
  fields: [string, string][];
  /** PDF: lay the fields out in two columns side by side (the long header of УПД and счёт-фактура). */
  fieldColumns?: 1 | 2;
  /** Captions above groups of columns (the act's two halves), with how many columns each spans. */
  columnGroups?: { header: string; span: number }[];
  columns: Column[];
  rows: Cell[][];
  /** Label → value, right-aligned under the table. */
  totals: [string, Cell][];
  paragraphs: string[];
  signatures: string[];
}
