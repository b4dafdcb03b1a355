import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Cell, GridRow } from "../grid.ts";

const DELIMITERS = ["\t", ";", ","] as const;

/**
 * Bytes of a CSV/text file as text: UTF-8 (with or without BOM) when it decodes as UTF-8,
 * otherwise Windows-1251, as 1C and Russian Excel save CSV.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: "utf-8" | "windows-1251" } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(bytes, "win1251"), encoding: "windows-1251" };
  }
}

/**
 * The delimiter of a table copied from Excel (tab) or 1C / Russian CSV (semicolon), else comma:
 * the first of tab, semicolon, comma that occurs on most of the first non-empty lines.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  for (const d of DELIMITERS) {
    const hits = lines.filter((l) => l.includes(d)).length;
    if (lines.length > 0 && hits >= Math.ceil(lines.length / 2)) return d;
  }
  return lines.some((l) => l.includes("\t")) ? "\t" : ";";
}

const cell = (value: string | undefined): Cell | null => (value === undefined ? null : { text: value, number: null });

/** A delimited table (CSV file or clipboard paste) as grid rows; quoted fields as CSV quotes them. */
export function readDelimited(text: string): GridRow[] {
  const delimiter = detectDelimiter(text);
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
    bom: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return records.map(({ record, info }) => ({
    line: info.lines,
    article: cell(record[0]),
    quantity: cell(record[1]),
  }));
}
