import { createRequire } from "node:module";
import { Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { type ComponentProps, createElement as h } from "react";
import { cellText } from "../cells.ts";
import type { Cell, Layout } from "../layout.ts";
import { paginate } from "./paginate.ts";

const require = createRequire(import.meta.url);
const REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
let renders = 0;

/**
 * DejaVu Sans (TTF, from npm): Cyrillic and ₽. Registered under a fresh family name for every
 * document and dropped after it: in @react-pdf 4.9 a font family reused across documents loses
 * glyphs' ToUnicode entries (text not extractable) and drops glyphs not seen in the first document.
 */
function registerFamily(): string {
  const family = `DejaVuSans-${++renders}`;
  Font.register({ family, fonts: [{ src: REGULAR }, { src: BOLD, fontWeight: "bold" }] });
  // Words are not hyphenated on forms; this also skips the hyphenation pass for every word.
  Font.registerHyphenationCallback((word) => [word]);
  return family;
}

const s = StyleSheet.create({
  page: { fontSize: 8, paddingTop: 28, paddingBottom: 36, paddingHorizontal: 28 },
  band: { flexDirection: "row", justifyContent: "space-between", padding: 6, marginBottom: 8 },
  bandText: { fontSize: 10, fontWeight: "bold" },
  title: { fontSize: 12, fontWeight: "bold", marginVertical: 8 },
  fieldRow: { flexDirection: "row", marginBottom: 2 },
  fieldLabel: { width: "24%", color: "#333333" },
  fieldValue: { width: "76%" },
  table: { marginTop: 8, borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: "#555555" },
  row: { flexDirection: "row" },
  cell: {
    borderRightWidth: 0.5,
    borderBottomWidth: 0.5,
    borderColor: "#555555",
    paddingVertical: 2,
    paddingHorizontal: 3,
  },
  head: { fontWeight: "bold" },
  totals: { marginTop: 6, alignItems: "flex-end" },
  totalRow: { flexDirection: "row" },
  totalLabel: { width: 220, textAlign: "right", fontWeight: "bold", paddingRight: 6 },
  totalValue: { width: 90, textAlign: "right", fontWeight: "bold" },
  paragraph: { marginTop: 5 },
  signatures: { marginTop: 16, flexDirection: "row", flexWrap: "wrap" },
  signature: { width: "50%", marginBottom: 10 },
  footer: {
    position: "absolute",
    bottom: 16,
    left: 28,
    right: 28,
    flexDirection: "row",
    justifyContent: "space-between",
    color: "#555555",
    fontSize: 7,
  },
});

type Align = "left" | "right" | "center";
type TextStyle = ComponentProps<typeof Text>["style"];

function row(
  cells: Cell[],
  widths: number[],
  aligns: Align[],
  key: string | number,
  head?: { fill: string; color: string },
) {
  return h(
    View,
    { key, style: s.row, wrap: false },
    cells.map((c, i) =>
      h(
        Text,
        {
          key: i,
          style: [
            s.cell,
            { width: `${widths[i] ?? 0}%`, textAlign: aligns[i] ?? "left" },
            ...(head ? [s.head, { backgroundColor: head.fill, color: head.color }] : []),
          ] as TextStyle,
        } as ComponentProps<typeof Text>,
        cellText(c),
      ),
    ),
  );
}

function layoutDocument(layout: Layout, family: string) {
  const total = layout.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = layout.columns.map((c) => (c.width / total) * 100);
  const aligns = layout.columns.map((c) => c.align ?? "left");
  const b = layout.branding;
  const head = { fill: b.primary, color: b.onPrimary };
  const groups = layout.columnGroups ?? [];
  const groupWidths = groups.map((g, gi) => {
    const start = groups.slice(0, gi).reduce((n, x) => n + x.span, 0);
    return widths.slice(start, start + g.span).reduce((n, w) => n + w, 0);
  });
  const plan = paginate(layout, widths);
  const pageCount = plan.length;
  const page = (rows: number[], index: number) => {
    const first = index === 0;
    const last = index === pageCount - 1;
    return h(
      Page,
      {
        key: index,
        size: "A4",
        orientation: layout.orientation,
        wrap: false,
        style: [s.page, { fontFamily: family }],
      },
      h(
        View,
        { style: [s.band, { backgroundColor: b.primary }] },
        h(Text, { style: [s.bandText, { color: b.onPrimary }] }, b.name),
        h(Text, { style: { color: b.onPrimary } }, layout.title),
      ),
      first && layout.preamble
        ? h(
            View,
            { style: s.table },
            layout.preamble.map((r, i) => row(r, [60, 10, 30], ["left", "left", "left"], i)),
          )
        : null,
      first ? h(Text, { style: s.title }, layout.title) : null,
      first
        ? layout.fields.map(([label, value]) =>
            h(
              View,
              { key: label, style: s.fieldRow },
              h(Text, { style: s.fieldLabel }, label),
              h(Text, { style: s.fieldValue }, value),
            ),
          )
        : null,
      rows.length > 0 || first
        ? h(
            View,
            { style: s.table },
            groups.length > 0
              ? row(
                  groups.map((g) => g.header),
                  groupWidths,
                  groups.map(() => "center"),
                  "groups",
                  head,
                )
              : null,
            row(
              layout.columns.map((c) => c.header),
              widths,
              aligns,
              "head",
              head,
            ),
            rows.map((i) => row(layout.rows[i] ?? [], widths, aligns, i)),
          )
        : null,
      last && layout.totals.length > 0
        ? h(
            View,
            { style: s.totals },
            layout.totals.map(([label, value]) =>
              h(
                View,
                { key: label, style: s.totalRow },
                h(Text, { style: s.totalLabel }, label),
                h(Text, { style: s.totalValue }, cellText(value)),
              ),
            ),
          )
        : null,
      last ? layout.paragraphs.map((p) => h(Text, { key: p, style: s.paragraph }, p)) : null,
      last
        ? h(
            View,
            { style: s.signatures },
            layout.signatures.map((sig) => h(Text, { key: sig, style: s.signature }, sig)),
          )
        : null,
      h(View, { style: s.footer }, h(Text, null, b.name), h(Text, null, `Страница ${index + 1} из ${pageCount}`)),
    );
  };
  return h(
    Document,
    { title: layout.title, author: b.name, creator: "Дилерский портал", language: "ru" },
    plan.map((p, i) => page(p.rows, i)),
  );
}

/** The layout as a PDF (A4, DejaVu Sans, brand band, page numbers on every page). */
export async function renderPdf(layout: Layout): Promise<Buffer> {
  const family = registerFamily();
  try {
    return await renderToBuffer(layoutDocument(layout, family) as Parameters<typeof renderToBuffer>[0]);
  } finally {
    delete Font.getRegisteredFonts()[family];
  }
}
