import { Canvas, Document, Font, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { type ComponentProps, createElement as h } from "react";
import { cellText } from "../cells.ts";
import type { Layout } from "../layout.ts";
import { documentFonts, FONT_FILES, type Fonts, LINE_HEIGHT } from "./metrics.ts";
import { BAND_HEIGHT, FIELD_LABEL, MARGIN, PAGE, type PdfPlan, planPdf, SIZES, TABLE_GAP } from "./paginate.ts";
import { alignedX, type MeasuredRow, type Painter, paintRows, rowsHeight, type TableColours } from "./table.ts";

let renders = 0;

/**
 * DejaVu Sans (TTF, from npm): Cyrillic and ₽. Registered under a fresh family name for every
 * document and dropped after it: in @react-pdf 4.9 a font family reused across documents loses
 * glyphs' ToUnicode entries (text not extractable) and drops glyphs not seen in the first document.
 */
function registerFamily(): string {
  const family = `DejaVuSans-${++renders}`;
  Font.register({ family, fonts: [{ src: FONT_FILES.regular }, { src: FONT_FILES.bold, fontWeight: "bold" }] });
  // Words are not hyphenated on forms; this also skips the hyphenation pass for every word.
  Font.registerHyphenationCallback((word) => [word]);
  return family;
}

const s = StyleSheet.create({
  page: {
    fontSize: SIZES.body,
    lineHeight: LINE_HEIGHT,
    paddingTop: MARGIN.top,
    paddingBottom: MARGIN.bottom,
    paddingHorizontal: MARGIN.side,
  },
  chrome: { position: "absolute", top: 0, left: 0 },
  band: { height: BAND_HEIGHT },
  title: { fontSize: SIZES.title, fontWeight: "bold", marginVertical: 8 },
  fieldColumns: { flexDirection: "row" },
  fieldRow: { flexDirection: "row", marginBottom: 2 },
  fieldLabel: { color: "#333333" },
  table: { marginTop: TABLE_GAP },
  totals: { marginTop: 6, alignItems: "flex-end" },
  totalRow: { flexDirection: "row", marginBottom: 1 },
  totalLabel: { width: 260, textAlign: "right", fontWeight: "bold", paddingRight: 6 },
  totalValue: { width: 90, textAlign: "right", fontWeight: "bold" },
  paragraph: { marginTop: 5 },
  signatures: { marginTop: 16, flexDirection: "row", flexWrap: "wrap" },
  signature: { width: "50%", marginBottom: 10 },
});

const FOOTER = { size: 7, bottom: 16, colour: "#555555" };

/**
 * The brand band and the footer with the page number, painted (a react-pdf Text costs a layout
 * pass; a long act has hundreds of pages).
 */
function chrome(layout: Layout, fonts: Fonts, contentWidth: number, pageNumber: string) {
  const page = PAGE[layout.orientation];
  const b = layout.branding;
  const bandLine = SIZES.band * LINE_HEIGHT;
  const paint = (p: Painter) => {
    p.rect(MARGIN.side, MARGIN.top, contentWidth, BAND_HEIGHT - 8).fill(b.primary);
    p.font(fonts.bold).fontSize(SIZES.band).fillColor(b.onPrimary);
    p.text(b.name, MARGIN.side + 6, MARGIN.top + 6, { lineBreak: false });
    const band = { x: MARGIN.side, width: contentWidth - 6, align: "right" as const };
    const titleY = MARGIN.top + 6 + (bandLine - SIZES.body * LINE_HEIGHT) / 2;
    p.font(fonts.regular).fontSize(SIZES.body);
    p.text(layout.title, alignedX(band, layout.title, SIZES.body, "regular"), titleY, { lineBreak: false });
    const footerY = page.height - FOOTER.bottom - FOOTER.size * LINE_HEIGHT;
    const footer = { x: MARGIN.side - 3, width: contentWidth + 6, align: "right" as const };
    p.fontSize(FOOTER.size).fillColor(FOOTER.colour);
    p.text(b.name, MARGIN.side, footerY, { lineBreak: false });
    p.text(pageNumber, alignedX(footer, pageNumber, FOOTER.size, "regular"), footerY, { lineBreak: false });
  };
  return h(Canvas, {
    key: "chrome",
    fixed: true,
    style: [s.chrome, { width: page.width, height: page.height }],
    paint: (painter: unknown) => {
      paint(painter as Painter);
      return null;
    },
  } as ComponentProps<typeof Canvas>);
}

/** A measured table painted by react-pdf's Canvas: one node per table per page. */
function table(rows: MeasuredRow[], width: number, colours: TableColours, key: string) {
  return h(Canvas, {
    key,
    style: [s.table, { width, height: rowsHeight(rows) }],
    paint: (painter: unknown) => {
      paintRows(painter as Painter, rows, width, colours);
      return null;
    },
  } as ComponentProps<typeof Canvas>);
}

function fields(plan: PdfPlan) {
  const two = plan.fieldColumns.length > 1;
  const share = two ? FIELD_LABEL.two : FIELD_LABEL.one;
  return h(
    View,
    { style: s.fieldColumns },
    plan.fieldColumns.map((column, ci) =>
      h(
        View,
        { key: ci, style: { width: `${100 / plan.fieldColumns.length}%`, paddingRight: two && ci === 0 ? 8 : 0 } },
        column.map(([label, value]) =>
          h(
            View,
            { key: label, style: s.fieldRow },
            h(Text, { style: [s.fieldLabel, { width: `${share * 100}%` }] }, label),
            h(Text, { style: { width: `${(1 - share) * 100}%` } }, value),
          ),
        ),
      ),
    ),
  );
}

function layoutDocument(layout: Layout, family: string) {
  const plan = planPdf(layout);
  const b = layout.branding;
  const fonts = documentFonts();
  const colours = { fonts, headFill: b.primary, headText: b.onPrimary, text: "#000000", border: "#555555" };
  const plain = { ...colours, headFill: "#ffffff", headText: "#000000" };
  const pageCount = plan.pages.length;
  const page = (indices: number[], index: number) => {
    const first = index === 0;
    const last = index === pageCount - 1;
    return h(
      Page,
      {
        key: index,
        size: "A4",
        orientation: layout.orientation,
        // Each page's rows were planned to fit: react-pdf need not split it (a layout pass per
        // page). An unwrapped page takes its content's height, so the content box is A4's.
        wrap: false,
        style: [s.page, { fontFamily: family }],
      },
      chrome(layout, fonts, plan.contentWidth, `Страница ${index + 1} из ${pageCount}`),
      h(
        View,
        { style: { height: PAGE[layout.orientation].height - MARGIN.top - MARGIN.bottom } },
        content(indices, first, last),
      ),
    );
  };
  const content = (indices: number[], first: boolean, last: boolean) => {
    const rows = [...plan.head, ...indices.map((i) => plan.body[i] as MeasuredRow)];
    return [
      h(View, { key: "band", style: s.band }),
      first && plan.preamble.length > 0 ? table(plan.preamble, plan.contentWidth, plain, "preamble") : null,
      first ? h(Text, { key: "title", style: s.title }, layout.title) : null,
      first ? h(View, { key: "fields" }, fields(plan)) : null,
      indices.length > 0 || first ? table(rows, plan.contentWidth, colours, "table") : null,
      last && layout.totals.length > 0
        ? h(
            View,
            { key: "totals", style: s.totals },
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
      last
        ? h(
            View,
            { key: "paragraphs" },
            layout.paragraphs.map((p) => h(Text, { key: p, style: s.paragraph }, p)),
          )
        : null,
      last
        ? h(
            View,
            { key: "signatures", style: s.signatures },
            layout.signatures.map((sig) => h(Text, { key: sig, style: s.signature }, sig)),
          )
        : null,
    ];
  };
  return h(
    Document,
    { title: layout.title, author: b.name, creator: "Дилерский портал", language: "ru" },
    plan.pages.map((rows, i) => page(rows, i)),
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
