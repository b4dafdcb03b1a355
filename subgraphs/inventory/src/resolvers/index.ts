import type { InventoryContext, StockEntry } from "../context.ts";
import type { WarehouseRow } from "../db/queries.ts";
import { displayStock } from "../domain/stock-display.ts";

interface ProductRef {
  id: string;
}

export const resolvers = {
  Query: {
    warehouses: (_: unknown, __: unknown, ctx: InventoryContext) => ctx.warehouses(),
  },
  Warehouse: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.warehouse.load(ref.id),
  },
  Product: {
    // Inventory owns no product rows: the reference is the product; its stock is keyed by id.
    __resolveReference: (ref: ProductRef, ctx: InventoryContext) => {
      ctx.tenantId();
      return { id: ref.id };
    },
    stock: (product: ProductRef, _: unknown, ctx: InventoryContext) => ctx.loaders.stock.load(product.id),
    availableQuantity: async (product: ProductRef, _: unknown, ctx: InventoryContext) => {
      const entries = await ctx.loaders.stock.load(product.id);
      return entries.reduce((sum, e) => sum + e.quantity, 0);
    },
  },
  StockLevel: {
    warehouse: (entry: StockEntry): WarehouseRow => entry.warehouse,
    display: async (entry: StockEntry, _: unknown, ctx: InventoryContext) =>
      displayStock(entry.quantity, await ctx.stockDisplay()),
  },
};
