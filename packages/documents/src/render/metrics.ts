import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

/**
 * Text measurement with the fonts the PDF embeds (DejaVu Sans, regular and bold), from their
 * advance widths: the table painter wraps and aligns cells with it, and pagination knows every
 * row's exact height before rendering.
 */

const require = createRequire(import.meta.url);
export const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
export type Weight = keyof typeof FONT_FILES;

/** Line height as a multiple of the font size (DejaVu's ascent + descent is 1.164 em). */
export const LINE_HEIGHT = 1.2;

interface Metrics {
  font: fontkit.Font;
  /** Advance width in em per code point. */
  advances: Map<number, number>;
}

const loaded = new Map<Weight, Metrics>();

function metrics(weight: Weight): Metrics {
  let m = loaded.get(weight);
  if (!m) {
    const font = fontkit.openSync(FONT_FILES[weight]);
    if (!("glyphForCodePoint" in font)) throw new Error(`${FONT_FILES[weight]} is a font collection`);
    m = { font, advances: new Map() };
    loaded.set(weight, m);
  }
  return m;
}

export type Fonts = Record<Weight, fontkit.Font>;
const files = new Map<Weight, Buffer>();

/**
 * Fresh font objects for one PDF, for the painter (pdfkit matches them by name to the ones
 * react-pdf embeds). Never share one across documents: pdfkit then drops glyphs and their text.
 * Parsing is lazy, so this costs little.
 */
export function documentFonts(): Fonts {
  const open = (weight: Weight) => {
    let data = files.get(weight);
    if (!data) {
      data = readFileSync(FONT_FILES[weight]);
      files.set(weight, data);
    }
    const font = fontkit.create(data);
    if (!("glyphForCodePoint" in font)) throw new Error(`${FONT_FILES[weight]} is a font collection`);
    return font;
  };
  return { regular: open("regular"), bold: open("bold") };
}

/** Width of `text` in points at `size`. */
export function textWidth(text: string, size: number, weight: Weight = "regular"): number {
  const m = metrics(weight);
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 32;
    let w = m.advances.get(cp);
    if (w === undefined) {
      w = m.font.glyphForCodePoint(cp).advanceWidth / m.font.unitsPerEm;
      m.advances.set(cp, w);
    }
    em += w;
  }
  return em * size;
}

/** Splits a word wider than `width` into pieces that fit. */
function breakWord(word: string, width: number, size: number, weight: Weight): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const ch of word) {
    if (piece && textWidth(piece + ch, size, weight) > width) {
      pieces.push(piece);
      piece = ch;
    } else piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy word wrap into lines at most `width` points wide; "\n" starts a new line; long words break. */
export function wrapText(text: string, width: number, size: number, weight: Weight = "regular"): string[] {
  const space = textWidth(" ", size, weight);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    let used = 0;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, size, weight);
      if (line && used + space + w <= width) {
        line = `${line} ${word}`;
        used += space + w;
        continue;
      }
      if (line) lines.push(line);
      if (w <= width) {
        line = word;
        used = w;
      } else {
        const pieces = breakWord(word, width, size, weight);
        line = pieces.pop() ?? "";
        used = textWidth(line, size, weight);
        lines.push(...pieces);
      }
    }
    lines.push(line);
  }
  return lines;
}
