import type { Layout } from "./layout.ts";
import { renderHtml } from "./render/html.ts";
import { renderPdf } from "./render/pdf.ts";
import { renderXlsx } from "./render/xlsx.ts";

export * from "./format.ts";
export type { Cell, Column, Layout } from "./layout.ts";
export * from "./layouts/index.ts";
export type * from "./model.ts";
export { okeiCode } from "./okei.ts";
export { amountInWords } from "./words.ts";
export { renderHtml, renderPdf, renderXlsx };

export type DocumentFormat = "pdf" | "xlsx" | "html";

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  html: "text/html; charset=utf-8",
};

/** A layout rendered in one format, with its file name and content type. */
export async function renderFile(
  layout: Layout,
  format: DocumentFormat,
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const body =
    format === "pdf"
      ? await renderPdf(layout)
      : format === "xlsx"
        ? await renderXlsx(layout)
        : Buffer.from(renderHtml(layout), "utf8");
  return { fileName: `${layout.fileName}.${format}`, contentType: CONTENT_TYPES[format], body };
}
