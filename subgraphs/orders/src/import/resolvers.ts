import { isOrderFailure } from "../domain/errors.ts";
import { ADDING, type ReportRow } from "./report.ts";
import { sampleWorkbook } from "./sample.ts";
import {
  commitImport,
  type ImportCommitted,
  type ImportContext,
  type ImportPreview,
  previewImport,
} from "./service.ts";
import { type FileError, type ImportSource, isFileError } from "./source.ts";

interface ImportInput {
  orderId: string;
  file?: { filename: string; contentBase64: string } | null;
  paste?: string | null;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Exactly one of file and paste, or the error the caller sees. */
function sourceOf(input: ImportInput): ImportSource | FileError {
  if (input.file && input.paste == null) return { file: input.file };
  if (input.paste != null && !input.file) return { paste: input.paste };
  return { kind: "import_file_error", code: "NO_SOURCE", message: "Укажите либо файл, либо вставленный текст." };
}

const typeOf = (ok: string) => (v: unknown) =>
  isFileError(v) ? "OrderImportFileError" : isOrderFailure(v) ? "OrderError" : ok;

export const importResolvers = {
  Query: {
    orderImportPreview: async (_: unknown, args: { input: ImportInput }, ctx: ImportContext) => {
      const source = sourceOf(args.input);
      return "kind" in source ? source : previewImport(ctx, args.input.orderId, source);
    },
    orderImportSample: async (_: unknown, __: unknown, ctx: ImportContext) => {
      const d = ctx.dealer();
      const products = await ctx.imports.sampleProducts(d.actor, ctx.requestId);
      const bytes = await sampleWorkbook(products);
      return {
        filename: "Образец для импорта заказа.xlsx",
        contentType: XLSX_TYPE,
        contentBase64: bytes.toString("base64"),
      };
    },
  },
  Mutation: {
    importOrderLines: async (_: unknown, args: { input: ImportInput }, ctx: ImportContext) => {
      const source = sourceOf(args.input);
      return "kind" in source ? source : commitImport(ctx, args.input.orderId, source);
    },
  },
  OrderImportPreviewResult: { __resolveType: typeOf("OrderImportPreview") },
  OrderImportResult: { __resolveType: typeOf("OrderImportCommitted") },
  OrderImportCommitted: {
    order: (c: ImportCommitted, _: unknown, ctx: ImportContext) => ctx.loaders.order.load(c.orderId),
    report: (c: ImportCommitted) => c.preview,
  },
  OrderImportPreview: {
    rows: (p: ImportPreview) => p.report.rows,
    summary: (p: ImportPreview) => {
      const rows = p.report.rows;
      return {
        rows: rows.length,
        addedRows: rows.filter((r) => ADDING.has(r.status)).length,
        problemRows: rows.filter((r) => !ADDING.has(r.status) && r.status !== "DUPLICATE_MERGED").length,
        positions: p.report.lines.length,
        pieces: p.report.lines.reduce((s, l) => s + l.quantity, 0),
        amount: {
          amount: p.report.lines.reduce((s, l) => s + l.product.unitPrice * l.quantity, 0),
          currency: p.currency,
        },
      };
    },
  },
  OrderImportRow: {
    added: (r: ReportRow) => ADDING.has(r.status),
    productId: (r: ReportRow) => r.product?.id ?? null,
    name: (r: ReportRow) => r.product?.name ?? null,
    unitPrice: (r: ReportRow) => (r.product ? { amount: r.product.unitPrice, currency: r.product.currency } : null),
    successors: (r: ReportRow) =>
      r.status === "DISCONTINUED" || r.status === "DISCONTINUED_PARTIAL" ? (r.product?.successors ?? []) : [],
  },
};
