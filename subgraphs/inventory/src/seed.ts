import { withTenant } from "@dpp/db";
import { leadTimeSettings, stockDisplay, stockLevels, tenantSettings, warehouses } from "./db/schema.ts";
import type { StockDisplayPolicy } from "./domain/stock-display.ts";
import type { InventoryDb } from "./server.ts";

export interface InventorySeedTenant {
  id: string;
  features: {
    stockDisplay: StockDisplayPolicy;
    lowStockThreshold?: number;
    /** Dealers keep their own warehouses and stock (distributor pages and mutations). */
    distributorNetwork?: boolean;
    /** Same shape as `features.leadTime` in @dpp/tenant. */
    leadTime?: {
      shippingDays: number;
      replenishmentDays: number;
      replenishmentDaysByWarehouse?: Record<string, number>;
      calendar: "ru";
    };
  };
  warehouses: { id: string; code: string; name: string; city: string; address: string }[];
  /** Quantity in the product's unit; productId is a catalog product id. */
  stock: { productId: string; warehouseId: string; quantity: number }[];
}

const BATCH = 1000;

/** Idempotent: inserts what is missing, leaves existing rows alone (feature flags follow the definition). */
export async function seedInventory(db: InventoryDb, tenants: InventorySeedTenant[]): Promise<void> {
  for (const t of tenants) {
    await withTenant(db, t.id, async (tx) => {
      const policy = t.features.stockDisplay;
      await tx
        .insert(stockDisplay)
        .values({
          tenantId: t.id,
          mode: policy.mode,
          threshold: policy.mode === "threshold" ? policy.threshold : null,
          lowStockThreshold: t.features.lowStockThreshold ?? null,
        })
        .onConflictDoNothing();
      const distributorNetwork = t.features.distributorNetwork ?? false;
      await tx
        .insert(tenantSettings)
        .values({ tenantId: t.id, distributorNetwork })
        .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { distributorNetwork } });
      const lead = t.features.leadTime;
      if (lead) {
        const { shippingDays, replenishmentDays, calendar } = lead;
        await tx
          .insert(leadTimeSettings)
          .values({ tenantId: t.id, shippingDays, replenishmentDays, calendar })
          .onConflictDoNothing();
      }
      for (let i = 0; i < t.warehouses.length; i += BATCH) {
        const chunk = t.warehouses.slice(i, i + BATCH).map((w) => ({
          ...w,
          tenantId: t.id,
          replenishmentDays: lead?.replenishmentDaysByWarehouse?.[w.code] ?? null,
        }));
        await tx.insert(warehouses).values(chunk).onConflictDoNothing();
      }
      for (let i = 0; i < t.stock.length; i += BATCH) {
        const chunk = t.stock.slice(i, i + BATCH).map((s) => ({ ...s, tenantId: t.id }));
        await tx.insert(stockLevels).values(chunk).onConflictDoNothing();
      }
    });
  }
}
