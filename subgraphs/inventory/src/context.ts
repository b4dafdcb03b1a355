import type { Actor } from "@dpp/auth";
import { requireTenant } from "@dpp/server";
import DataLoader from "dataloader";
import {
  type StockRow,
  stockOfProducts,
  tenantStockDisplay,
  tenantWarehouses,
  type WarehouseRow,
} from "./db/queries.ts";
import { policyFromRow, type StockDisplayPolicy } from "./domain/stock-display.ts";
import type { InventoryDb } from "./server.ts";

/** One product's quantity in one warehouse of the caller's tenant. */
export interface StockEntry {
  warehouse: WarehouseRow;
  quantity: number;
}

/**
 * Per-request context. Loaders are created for every request and bound to the caller's
 * tenant, so nothing cached here can ever be read by another tenant.
 */
export function createContext(db: InventoryDb, actor: Actor) {
  const tenantOf = () => requireTenant(actor);
  let warehouseList: Promise<WarehouseRow[]> | undefined;
  let policy: Promise<StockDisplayPolicy> | undefined;
  const allWarehouses = () => {
    warehouseList ??= tenantWarehouses(db, tenantOf());
    return warehouseList;
  };

  /** Stock per warehouse of many products: one query per page of products (plus the warehouses once). */
  const stockLoader = new DataLoader<string, StockEntry[]>(async (productIds) => {
    const [list, rows] = await Promise.all([allWarehouses(), stockOfProducts(db, tenantOf(), productIds)]);
    const byProduct = new Map<string, Map<string, StockRow>>();
    for (const r of rows) {
      const m = byProduct.get(r.productId) ?? new Map<string, StockRow>();
      m.set(r.warehouseId, r);
      byProduct.set(r.productId, m);
    }
    // Every warehouse of the tenant appears, with 0 where it holds none of the product.
    return productIds.map((id) => {
      const m = byProduct.get(id);
      return list.map((warehouse) => ({ warehouse, quantity: m?.get(warehouse.id)?.quantity ?? 0 }));
    });
  });

  const warehouseLoader = new DataLoader<string, WarehouseRow | null>(async (ids) => {
    const byId = new Map((await allWarehouses()).map((w) => [w.id, w]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  return {
    db,
    actor,
    tenantId: tenantOf,
    warehouses: allWarehouses,
    loaders: { stock: stockLoader, warehouse: warehouseLoader },
    /** The tenant's stock display policy, read once per request. */
    stockDisplay() {
      policy ??= tenantStockDisplay(db, tenantOf()).then(policyFromRow);
      return policy;
    },
  };
}

export type InventoryContext = ReturnType<typeof createContext>;
