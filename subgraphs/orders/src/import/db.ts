import { newId } from "@dpp/db";
import { sql } from "drizzle-orm";
import type { OrderLineRow, OrdersTx } from "../db/queries.ts";
import type { ImportLine } from "./report.ts";

const snapshot = (l: ImportLine) => ({
  productId: l.product.id,
  article: l.product.article,
  name: l.product.name,
  unitPrice: l.product.unitPrice,
  vat: l.product.vat,
  vatRateBp: l.product.vatRateBp,
  vatIncluded: l.product.vatIncluded,
  packMultiple: l.product.packMultiple,
  minQuantity: l.product.minQuantity,
});

/**
 * Puts imported lines on a draft inside the caller's tenant transaction: a product already on
 * the draft gets the imported quantity added (and today's price, as adding a line does), the
 * others new lines, in the file's order.
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
    // One statement and one parameter for any number of lines: PostgreSQL expands the JSON.
    const rows = fresh.map((l, n) => ({ n, id: newId("oln"), quantity: l.quantity, ...snapshot(l) }));
    await tx.execute(sql`
      insert into orders.order_lines (tenant_id, id, order_id, product_id, article, name, quantity, unit_price, vat,
        vat_rate_bp, vat_included, pack_multiple, min_quantity, created_at)
      select ${tenantId}, r.id, ${orderId}, r."productId", r.article, r.name, r.quantity, r."unitPrice", r.vat,
        r."vatRateBp", r."vatIncluded", r."packMultiple", r."minQuantity",
        -- lines list by creation time: a microsecond apart keeps the file's order
        now() + r.n * interval '1 microsecond'
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(n int, id text, "productId" text,
        article text, name text, quantity int, "unitPrice" bigint, vat bigint, "vatRateBp" int, "vatIncluded" boolean,
        "packMultiple" int, "minQuantity" int)`);
  }
  if (more.length === 0) return;
  const adds = more.map((l) => ({
    id: (byProduct.get(l.product.id) as OrderLineRow).id,
    add: l.quantity,
    ...snapshot(l),
  }));
  await tx.execute(sql`
    update orders.order_lines l set quantity = l.quantity + v.add, name = v.name, unit_price = v."unitPrice",
      vat = v.vat, vat_rate_bp = v."vatRateBp", vat_included = v."vatIncluded",
      pack_multiple = v."packMultiple", min_quantity = v."minQuantity"
    from jsonb_to_recordset(${JSON.stringify(adds)}::jsonb) as v(id text, add int, name text, "unitPrice" bigint,
      vat bigint, "vatRateBp" int, "vatIncluded" boolean, "packMultiple" int, "minQuantity" int)
    where l.tenant_id = ${tenantId} and l.order_id = ${orderId} and l.id = v.id`);
}
