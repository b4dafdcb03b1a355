import { withTenant } from "@dpp/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { InventoryDb } from "../server.ts";
import { leadTimeSettings, stockDisplay, stockLevels, tenantSettings, warehouses } from "./schema.ts";

export type WarehouseRow = typeof warehouses.$inferSelect;
export interface StockRow {
  productId: string;
  warehouseId: string;
  quantity: number;
  reserved: number;
}
export type StockDisplayRow = typeof stockDisplay.$inferSelect;

/** The tenant's warehouses ordered by code. */
export function tenantWarehouses(db: InventoryDb, tenantId: string): Promise<WarehouseRow[]> {
  return withTenant(db, tenantId, (tx) =>
    tx.select().from(warehouses).where(eq(warehouses.tenantId, tenantId)).orderBy(asc(warehouses.code)),
  );
}

/** Stock rows of many products in one query (one round trip for a page of products). */
export function stockOfProducts(db: InventoryDb, tenantId: string, productIds: readonly string[]): Promise<StockRow[]> {
  return withTenant(db, tenantId, (tx) =>
    tx
      .select({
        productId: stockLevels.productId,
        warehouseId: stockLevels.warehouseId,
        quantity: stockLevels.quantity,
        reserved: stockLevels.reserved,
      })
      .from(stockLevels)
      .where(and(eq(stockLevels.tenantId, tenantId), inArray(stockLevels.productId, [...productIds]))),
  );
}

export function tenantStockDisplay(db: InventoryDb, tenantId: string): Promise<StockDisplayRow | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(stockDisplay).where(eq(stockDisplay.tenantId, tenantId));
    return row ?? null;
  });
}

export type LeadTimeSettingsRow = typeof leadTimeSettings.$inferSelect;

export function tenantLeadTimeSettings(db: InventoryDb, tenantId: string): Promise<LeadTimeSettingsRow | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(leadTimeSettings).where(eq(leadTimeSettings.tenantId, tenantId));
    return row ?? null;
  });
}

/** Inventory's part of the tenant's features; all off when the tenant has no row. */
export function tenantFeatures(db: InventoryDb, tenantId: string): Promise<{ distributorNetwork: boolean }> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    return { distributorNetwork: row?.distributorNetwork ?? false };
  });
}
