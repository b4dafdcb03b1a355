import { withTenant } from "@dpp/db";
import type { OrdersContext } from "../context.ts";
import { linesOf, lockOrder, type OrderLineRow } from "../db/queries.ts";
import { notADraft, notFound, type OrderFailure } from "../domain/errors.ts";
import type { ImportClients } from "./clients.ts";
import { applyImportLines } from "./db.ts";
import { ADDING, buildReport, type ImportPolicy, type ImportProduct, type ImportReport } from "./report.ts";
import { type FileError, type ImportFormat, type ImportSource, parseSource } from "./source.ts";

/** The orders context with the import's clients of catalog and inventory. */
export type ImportContext = OrdersContext & { imports: ImportClients };

export interface ImportPreview {
  kind: "import_preview";
  format: ImportFormat;
  headerLine: number | null;
  /** The draft's currency. */
  currency: string;
  report: ImportReport;
}

export interface ImportCommitted {
  kind: "import_committed";
  orderId: string;
  preview: ImportPreview;
}

interface Resolved {
  format: ImportFormat;
  headerLine: number | null;
  rows: Parameters<typeof buildReport>[0];
  products: Map<string, ImportProduct | null>;
  available: Map<string, number>;
  policy: ImportPolicy;
}

const quantities = (lines: readonly OrderLineRow[]) => new Map(lines.map((l) => [l.productId, l.quantity]));

/**
 * Reads the source and asks catalog (every distinct article, for the dealer's prices) and
 * inventory (stock of the products it limits) — outside any transaction, so no lock waits on them.
 */
async function resolveSource(
  ctx: ImportContext,
  source: ImportSource,
  currency: string,
): Promise<Resolved | FileError> {
  const d = ctx.dealer();
  const parsed = await parseSource(source);
  if ("kind" in parsed) return parsed;
  const articles = [...new Set(parsed.rows.filter((r) => !r.problem).map((r) => r.article))];
  const [settings, products] = await Promise.all([
    ctx.settings(),
    ctx.imports.productsByArticles(d.actor, ctx.requestId, articles),
  ]);
  const upToStock = settings.orderUpToStock;
  const limited = [...products.values()].flatMap((p) => (p && (upToStock || p.discontinued) ? [p.id] : []));
  const available = await ctx.imports.available(d.tenantId, ctx.requestId, limited);
  return {
    format: parsed.format,
    headerLine: parsed.headerLine,
    rows: parsed.rows,
    products,
    available,
    policy: { packRounding: settings.packRounding, limitToStock: upToStock, currency },
  };
}

const previewOf = (r: Resolved, existing: readonly OrderLineRow[]): ImportPreview => ({
  kind: "import_preview",
  format: r.format,
  headerLine: r.headerLine,
  currency: r.policy.currency,
  report: buildReport(r.rows, r.products, r.available, quantities(existing), r.policy),
});

/** What an import would add to the draft, row by row; nothing is saved. */
export async function previewImport(
  ctx: ImportContext,
  orderId: string,
  source: ImportSource,
): Promise<ImportPreview | FileError | OrderFailure> {
  ctx.dealer();
  const order = await ctx.loaders.order.load(orderId);
  if (!order) return notFound();
  if (!order.isDraft) return notADraft();
  const resolved = await resolveSource(ctx, source, order.currency);
  if ("kind" in resolved) return resolved;
  return previewOf(resolved, await ctx.loaders.lines.load(orderId));
}

/**
 * Adds what the preview showed, in one transaction: the report is recomputed against the draft
 * as it is under the row lock (another tab may have changed it), and either every line is
 * saved or none. A source with nothing to add is a FileError (NOTHING_TO_ADD).
 */
export async function commitImport(
  ctx: ImportContext,
  orderId: string,
  source: ImportSource,
): Promise<ImportCommitted | FileError | OrderFailure> {
  const d = ctx.dealer();
  const order = await ctx.loaders.order.load(orderId);
  if (!order) return notFound();
  if (!order.isDraft) return notADraft();
  const resolved = await resolveSource(ctx, source, order.currency);
  if ("kind" in resolved) return resolved;
  const scope = d.scope;
  const result = await withTenant(ctx.db, d.tenantId, async (tx) => {
    const locked = await lockOrder(tx, scope, orderId);
    if (!locked) return notFound();
    if (!locked.isDraft) return notADraft();
    const existing = await linesOf(tx, d.tenantId, [orderId]);
    const preview = previewOf(resolved, existing);
    if (!preview.report.rows.some((r) => ADDING.has(r.status))) {
      return {
        kind: "import_file_error" as const,
        code: "NOTHING_TO_ADD" as const,
        message: "Ни одна строка не может быть добавлена: исправьте файл по отчёту и загрузите снова.",
      };
    }
    await applyImportLines(tx, d.tenantId, orderId, existing, preview.report.lines);
    return { kind: "import_committed" as const, orderId, preview };
  });
  ctx.forget(orderId);
  return result;
}
