import { withTenant } from "@dpp/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { checkDiscountRows, type DiscountImportRow, type DiscountRowCheck } from "../domain/discount-import.ts";
import type { CatalogDb } from "../server.ts";
import { discounts } from "./schema.ts";

export type SavedStatus = "created" | "updated" | "unchanged";

/**
 * Checks the rows against each other and the tenant's stored discounts, then saves all of them,
 * the valid ones (`partial`), or nothing — in one transaction that holds the tenant's discount
 * lock, so two imports cannot both pass the overlap check.
 */
export function importDiscountRows(
  db: CatalogDb,
  tenantId: string,
  rows: readonly DiscountImportRow[],
  partial: boolean,
): Promise<{ checks: DiscountRowCheck[]; saved: boolean; status: Map<number, SavedStatus> }> {
  return withTenant(db, tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`catalog.discounts:${tenantId}`}))`);
    const companies = [...new Set(rows.map((r) => (r.companyId ?? "").trim()).filter(Boolean))];
    const stored =
      companies.length === 0
        ? []
        : await tx
            .select({
              companyId: discounts.companyId,
              priceGroup: discounts.priceGroup,
              validFrom: discounts.validFrom,
              validUntil: discounts.validUntil,
            })
            .from(discounts)
            .where(and(eq(discounts.tenantId, tenantId), inArray(discounts.companyId, companies)));
    const checks = checkDiscountRows(rows, stored);
    const valid = checks.flatMap((c) => (c.ok ? [c] : []));
    const saved = valid.length > 0 && (valid.length === checks.length || partial);
    const status = new Map<number, SavedStatus>();
    if (!saved) return { checks, saved, status };
    const done = await tx
      .insert(discounts)
      .values(valid.map((c) => ({ tenantId, ...c.value })))
      .onConflictDoUpdate({
        target: [discounts.tenantId, discounts.companyId, discounts.priceGroup, discounts.validFrom],
        set: { percentBp: sql.raw("excluded.percent_bp"), validUntil: sql.raw("excluded.valid_until") },
        setWhere: sql`(${discounts.percentBp}, ${discounts.validUntil}) is distinct from (excluded.percent_bp, excluded.valid_until)`,
      })
      .returning({
        companyId: discounts.companyId,
        priceGroup: discounts.priceGroup,
        validFrom: discounts.validFrom,
        created: sql<boolean>`(xmax = 0)`,
      });
    const key = (o: { companyId: string; priceGroup: string; validFrom: string }) =>
      `${o.companyId}\u0000${o.priceGroup}\u0000${o.validFrom}`;
    const written = new Map(done.map((d) => [key(d), d.created ? ("created" as const) : ("updated" as const)]));
    for (const c of valid) status.set(c.row, written.get(key(c.value)) ?? "unchanged");
    return { checks, saved, status };
  });
}
