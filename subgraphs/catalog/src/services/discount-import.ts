import type { CatalogContext } from "../context.ts";
import { importDiscountRows } from "../db/discount-import.ts";
import type { DiscountImportRow } from "../domain/discount-import.ts";
import { requireStaff } from "./import.ts";

const MAX_ROWS = 20_000;

type Status = "CREATED" | "UPDATED" | "UNCHANGED" | "REJECTED" | "SKIPPED";

/** Discount groups (dealer × price group × period): validated per row, saved all, valid only, or none. */
export async function importDiscounts(
  ctx: CatalogContext,
  input: { rows: DiscountImportRow[]; partial?: boolean | null },
) {
  requireStaff(ctx, input.rows.length, MAX_ROWS);
  const { checks, saved, status } = await importDiscountRows(
    ctx.db,
    ctx.tenantId(),
    input.rows,
    input.partial === true,
  );
  const rows = checks.map((c, i) => {
    const src = input.rows[i];
    const s = status.get(c.row);
    const st: Status = !c.ok
      ? "REJECTED"
      : !saved
        ? "SKIPPED"
        : s === "created"
          ? "CREATED"
          : s === "updated"
            ? "UPDATED"
            : "UNCHANGED";
    return {
      row: c.row,
      companyId: src?.companyId ?? "",
      priceGroup: src?.priceGroup ?? "",
      status: st,
      errors: c.ok ? [] : c.errors,
    };
  });
  const count = (s: Status) => rows.filter((r) => r.status === s).length;
  return {
    saved,
    created: count("CREATED"),
    updated: count("UPDATED"),
    unchanged: count("UNCHANGED"),
    rejected: count("REJECTED"),
    rows,
  };
}
