import { badInput } from "@dpp/server";
import { type InventoryContext, requireStaffOrService } from "../context.ts";
import { applyStockLevels } from "../db/stock.ts";
import { planStockUpdate, type StockUpdateRow } from "../domain/stock-update.ts";

export const MAX_STOCK_ROWS = 10_000;

export const stockMutations = {
  setStockLevels: async (_: unknown, args: { rows: StockUpdateRow[] }, ctx: InventoryContext) => {
    const tenantId = requireStaffOrService(ctx.actor);
    if (args.rows.length > MAX_STOCK_ROWS) {
      throw badInput(`Не больше ${MAX_STOCK_ROWS} строк за вызов (прислано ${args.rows.length})`, "rows");
    }
    const [warehouses, products] = await Promise.all([
      ctx.warehouses(),
      ctx.catalog.productIdsByArticles(
        tenantId,
        args.rows.map((r) => r.article),
      ),
    ]);
    const plan = planStockUpdate(args.rows, new Map(warehouses.map((w) => [w.code, w.id])), products);
    if (!plan.ok) return { applied: false, rows: args.rows.length, changed: 0, errors: plan.errors };
    const { changed } = await applyStockLevels(ctx.db, tenantId, plan.rows);
    return { applied: true, rows: args.rows.length, changed, errors: [] };
  },
};
