import { newId, withTenant } from "@dpp/db";
import { sql } from "drizzle-orm";
import { type Level, lowStockCrossings } from "../domain/low-stock.ts";
import type { ResolvedStockRow } from "../domain/stock-update.ts";
import type { InventoryDb } from "../server.ts";
import { outbox } from "./schema.ts";

/** Outbox topic: a product that nobody could order (0 available) can be ordered again. */
export const STOCK_RESTOCKED = "stock.restocked";
/** Outbox topic (webhooks): a warehouse's available quantity of a product fell to the tenant's low-stock threshold. */
export const STOCK_LOW = "stock.low";

type Tx = Parameters<Parameters<InventoryDb["transaction"]>[0]>[0];

async function lowStockThreshold(tx: Tx, tenantId: string): Promise<number | null> {
  const [row] = await tx.execute<{ t: number | null }>(
    sql`select low_stock_threshold as t from inventory.stock_display where tenant_id = ${tenantId}`,
  );
  return row?.t ?? null;
}

/**
 * Writes a `stock.low` event for each level that fell to the tenant's threshold with this change
 * (in the change's transaction). `articles` where the caller knows them; else the article is null.
 */
export async function emitLowStock(
  tx: Tx,
  tenantId: string,
  before: readonly Level[],
  after: readonly Level[],
  articles: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const low = lowStockCrossings(before, after, await lowStockThreshold(tx, tenantId));
  if (low.length === 0) return 0;
  await tx.insert(outbox).values(
    low.map((l) => ({
      tenantId,
      id: newId("evt"),
      topic: STOCK_LOW,
      payload: {
        productId: l.productId,
        article: articles.get(l.productId) ?? null,
        warehouseId: l.warehouseId,
        quantity: l.available,
      },
    })),
  );
  return low.length;
}

/** Available quantity per warehouse of every warehouse holding these products. */
async function levelsOf(tx: Tx, tenantId: string, productIds: string): Promise<Level[]> {
  const rows = await tx.execute<{ product_id: string; warehouse_id: string; available: number }>(sql`
    select s.product_id, s.warehouse_id, greatest(s.quantity - s.reserved, 0)::int as available
    from inventory.stock_levels s
    where s.tenant_id = ${tenantId} and s.product_id in (select jsonb_array_elements_text(${productIds}::jsonb))`);
  return rows.map((r) => ({ productId: r.product_id, warehouseId: r.warehouse_id, available: Number(r.available) }));
}

/** Each product's available total over its warehouses. */
function totals(levels: readonly Level[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const l of levels) sum.set(l.productId, (sum.get(l.productId) ?? 0) + l.available);
  return sum;
}

/**
 * Sets quantities on hand (absolute, so a repeat changes nothing) in one transaction: the rows
 * are locked and written in (product, warehouse) order like reservations lock them. A product
 * whose available total goes from 0 to more gets a `stock.restocked` event. Returns how many
 * rows changed.
 */
export function applyStockLevels(
  db: InventoryDb,
  tenantId: string,
  rows: readonly ResolvedStockRow[],
): Promise<{ changed: number; restocked: string[] }> {
  return withTenant(db, tenantId, async (tx) => {
    const data = JSON.stringify(rows.map((r) => ({ p: r.productId, w: r.warehouseId, q: r.quantity })));
    const products = JSON.stringify([...new Set(rows.map((r) => r.productId))]);
    await tx.execute(sql`
      select 1 from inventory.stock_levels s
      join jsonb_to_recordset(${data}::jsonb) as u(p text, w text, q int) on s.product_id = u.p and s.warehouse_id = u.w
      where s.tenant_id = ${tenantId}
      order by s.product_id, s.warehouse_id
      for no key update of s`);
    const levelsBefore = await levelsOf(tx, tenantId, products);
    const before = totals(levelsBefore);
    const changed = await tx.execute(sql`
      insert into inventory.stock_levels (tenant_id, product_id, warehouse_id, quantity)
      select ${tenantId}, u.p, u.w, u.q from jsonb_to_recordset(${data}::jsonb) as u(p text, w text, q int)
      order by u.p, u.w
      on conflict (tenant_id, product_id, warehouse_id) do update
        set quantity = excluded.quantity, updated_at = now()
        where inventory.stock_levels.quantity <> excluded.quantity
      returning 1`);
    const levelsAfter = await levelsOf(tx, tenantId, products);
    const after = totals(levelsAfter);
    const restocked = [...after].filter(([id, n]) => n > 0 && (before.get(id) ?? 0) === 0).map(([id]) => id);
    const articles = new Map(rows.map((r) => [r.productId, r.article]));
    await emitLowStock(tx, tenantId, levelsBefore, levelsAfter, articles);
    if (restocked.length > 0) {
      await tx.insert(outbox).values(
        restocked.map((productId) => ({
          tenantId,
          id: newId("evt"),
          topic: STOCK_RESTOCKED,
          payload: { productId, article: articles.get(productId) ?? "", available: after.get(productId) ?? 0 },
        })),
      );
    }
    return { changed: changed.length, restocked };
  });
}
