/** The staff editor's text fields, read without the server: lines of "артикул количество", a percent "7,5". */

export interface ParsedLines {
  lines: { article: string; quantity: number }[];
  /** The text's line number (1-based) of each entry of `lines`, to place the server's messages. */
  textLines: number[];
  /** Per line of the text, in Russian. */
  errors: string[];
}

/**
 * One product per line: the article, then whitespace (space, tab — as pasted from Excel) or ";",
 * then a whole quantity. Blank lines are skipped; the line number in a message is the text's.
 */
export function parsePresentationLines(text: string): ParsedLines {
  const lines: ParsedLines["lines"] = [];
  const textLines: number[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const m = /^(\S+)[\s;]+(\S+)$/.exec(line);
    if (!m) {
      errors.push(`Строка ${i + 1}: нужен артикул и количество через пробел`);
      return;
    }
    const quantity = /^\d+$/.test(m[2] ?? "") ? Number(m[2]) : Number.NaN;
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      errors.push(`Строка ${i + 1}: количество — целое число больше нуля`);
      return;
    }
    lines.push({ article: m[1] ?? "", quantity });
    textLines.push(i + 1);
  });
  return { lines, textLines, errors };
}

/** "7,5" or "7.5" → 7.5; null when it is not a number. */
export function parsePercent(text: string): number | null {
  const v = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

/** The saved lines back as the editor's text. */
export const linesToText = (lines: { article: string; quantity: number }[]) =>
  lines.map((l) => `${l.article} ${l.quantity}`).join("\n");

/** The server's "Строка N: …" counts saved lines; say the text's line instead. */
export const onTextLine = (message: string, textLines: number[]) =>
  message.replace(/^Строка (\d+):/, (_, n: string) => `Строка ${textLines[Number(n) - 1] ?? n}:`);
