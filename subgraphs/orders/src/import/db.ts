import { newId } from "@dpp/db";
import { type SQL, sql } from "drizzle-orm";
import { lineSnapshot } from "../clients/catalog.ts";
import type { OrderLineRow, OrdersTx } from "../db/queries.ts";
import type { ImportLine } from "./report.ts";

type Snapshot = ReturnType<typeof lineSnapshot>;

/** One column of many rows as one array parameter (postgres.js sends it as a PostgreSQL array). */
const column = <T>(values: T[]): SQL => sql`${sql.param(values)}`;

/** The snapshot columns of many lines as typed arrays for `unnest`, in the order of SNAPSHOT_NAMES. */
function snapshotArrays(rows: readonly Snapshot[]): SQL {
  const pick = <K extends keyof Snapshot>(k: K) => column(rows.map((r) => r[k]));
  return sql`${pick("productId")}::text[], ${pick("article")}::text[], ${pick("name")}::text[],
    ${pick("unitPrice")}::bigint[], ${pick("vat")}::bigint[], ${pick("vatRateBp")}::int[],
    ${column(rows.map((r) => String(r.vatIncluded)))}::text[]::boolean[], ${pick("packMultiple")}::int[],
    ${pick("minQuantity")}::int[], ${pick("unit")}::text[], ${pick("basePrice")}::bigint[],
    ${pick("weightGrams")}::int[], ${pick("volumeCm3")}::int[]`;
}

const SNAPSHOT_NAMES = [
  "product_id",
  "article",
  "name",
  "unit_price",
  "vat",
  "vat_rate_bp",
  "vat_included",
  "pack_multiple",
  "min_quantity",
  "unit",
  "base_price",
  "weight_grams",
  "volume_cm3",
];
const SNAPSHOT_COLUMNS = sql.raw(SNAPSHOT_NAMES.join(", "));
const COLUMNS_OF_R = sql.raw(SNAPSHOT_NAMES.map((c) => `r.${c}`).join(", "));

/**
 * Puts imported lines on a draft inside the caller's tenant transaction: a product already on
 * the draft gets the imported quantity added (and today's price, as adding a line does), the
 * others new lines, in the file's order. One statement each for any number of lines: the
 * values travel as one array per column and PostgreSQL `unnest`s them (measured ~40 % faster
 * than a JSON recordset for 10,000 lines).
 */
export async function applyImportLines(
  tx: OrdersTx,
  tenantId: string,
  orderId: string,
  existing: readonly OrderLineRow[],
  lines: readonly ImportLine[],
): Promise<void> {
  const byProduct = new Map(existing.map((l) => [l.productId, l]));
  const fresh = lines.filter((l) => !byProduct.has(l.product.id));
  const more = lines.filter((l) => byProduct.has(l.product.id));
  if (fresh.length > 0) {
    await tx.execute(sql`
      insert into orders.order_lines (tenant_id, order_id, id, quantity, ${SNAPSHOT_COLUMNS}, created_at)
      -- lines list by creation time: a microsecond apart keeps the file's order
      select ${tenantId}, ${orderId}, r.id, r.quantity, ${COLUMNS_OF_R}, now() + (r.n - 1) * interval '1 microsecond'
      from unnest(${column(fresh.map(() => newId("oln")))}::text[], ${column(fresh.map((l) => l.quantity))}::int[],
        ${snapshotArrays(fresh.map((l) => lineSnapshot(l.product)))})
        with ordinality as r(id, quantity, ${SNAPSHOT_COLUMNS}, n)`);
  }
  if (more.length === 0) return;
  await tx.execute(sql`
    update orders.order_lines l set quantity = l.quantity + v.add, name = v.name, unit_price = v.unit_price,
      vat = v.vat, vat_rate_bp = v.vat_rate_bp, vat_included = v.vat_included, pack_multiple = v.pack_multiple,
      min_quantity = v.min_quantity, unit = v.unit, base_price = v.base_price, weight_grams = v.weight_grams,
      volume_cm3 = v.volume_cm3
    from unnest(${column(more.map((l) => (byProduct.get(l.product.id) as OrderLineRow).id))}::text[],
      ${column(more.map((l) => l.quantity))}::int[], ${snapshotArrays(more.map((l) => lineSnapshot(l.product)))})
      as v(id, add, ${SNAPSHOT_COLUMNS})
    where l.tenant_id = ${tenantId} and l.order_id = ${orderId} and l.id = v.id`);
}
