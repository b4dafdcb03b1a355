import { forbidden } from "@dpp/server";
import type { CatalogContext } from "../context.ts";
import { existingArticles, upsertProducts } from "../db/import.ts";
import { checkImportRows, type ImportRow } from "../domain/product-import.ts";

const MAX_ROWS = 20_000;
const STAFF = new Set(["manager", "tenant_admin", "platform_admin"]);

/** The supplier's staff, or an integration (service actor). */
export function isStaff(ctx: CatalogContext): boolean {
  const actor = ctx.actor;
  return actor.kind === "service" || (actor.kind === "user" && actor.roles.some((r) => STAFF.has(r)));
}

/** Imports are for the supplier's staff and integrations (service actors), bounded in size. */
export function requireStaff(ctx: CatalogContext, rows: number, maxRows: number): void {
  if (!isStaff(ctx)) throw forbidden("Импорт каталога доступен сотрудникам поставщика");
  if (rows > maxRows) throw forbidden(`Не больше ${maxRows} строк за один импорт`);
}

type Status = "CREATED" | "UPDATED" | "UNCHANGED" | "REJECTED" | "SKIPPED";

/** Validates every row, then saves all of them, the valid ones (partial), or nothing. */
export async function importProducts(ctx: CatalogContext, input: { rows: ImportRow[]; partial?: boolean | null }) {
  requireStaff(ctx, input.rows.length, MAX_ROWS);
  const tenantId = ctx.tenantId();
  const successors = input.rows.flatMap((r) => r.successors ?? []);
  const known = await existingArticles(ctx.db, tenantId, successors);
  const checked = checkImportRows(input.rows, known);
  const valid = checked.flatMap((c) => (c.ok ? [c.value] : []));
  const rejected = checked.length - valid.length;
  const save = rejected === 0 || input.partial === true;
  const status = save && valid.length > 0 ? await upsertProducts(ctx.db, tenantId, valid) : new Map();
  const rows = checked.map((c) => {
    let s: Status;
    if (!c.ok) s = "REJECTED";
    else if (!save) s = "SKIPPED";
    else
      s =
        status.get(c.article) === "created" ? "CREATED" : status.get(c.article) === "updated" ? "UPDATED" : "UNCHANGED";
    return { row: c.row, article: c.article, status: s, errors: c.ok ? [] : c.errors };
  });
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  return {
    saved: save && valid.length > 0,
    created: count("CREATED"),
    updated: count("UPDATED"),
    unchanged: count("UNCHANGED"),
    rejected,
    rows,
  };
}
