import type { Actor } from "@dpp/auth";
import { forbidden, requireTenant } from "@dpp/server";
import DataLoader from "dataloader";
import type { CatalogLookup } from "./clients/catalog.ts";
import type { OrdersLookup } from "./clients/orders.ts";
import { distributorOffers } from "./db/distributors.ts";
import {
  type StockRow,
  stockOfProducts,
  tenantFeatures,
  tenantStockDisplay,
  tenantWarehouses,
  type WarehouseRow,
} from "./db/queries.ts";
import { waitingSubscriptions } from "./db/restock.ts";
import { policyFromRow, type StockDisplayPolicy } from "./domain/stock-display.ts";
import type { InventoryDb } from "./server.ts";

/** One product's quantity in one warehouse of the caller's tenant. */
export interface StockEntry {
  warehouse: WarehouseRow;
  quantity: number;
  reserved: number;
}

const STAFF_ROLES = new Set(["manager", "tenant_admin", "platform_admin"]);

/** Staff of the tenant or a service (orders, the worker, an ERP connector); returns the tenant. */
export function requireStaffOrService(actor: Actor): string {
  const tenantId = requireTenant(actor);
  if (actor.kind === "service") return tenantId;
  if (actor.kind === "user" && actor.roles.some((r) => STAFF_ROLES.has(r))) return tenantId;
  throw forbidden("Только сотрудники поставщика и учетная система могут менять остатки и резервы");
}

/** Another service only (orders' workflow effects, the worker). */
export function requireService(actor: Actor): string {
  const tenantId = requireTenant(actor);
  if (actor.kind !== "service") throw forbidden("Только для внутренних сервисов");
  return tenantId;
}

/**
 * Per-request context. Loaders are created for every request and bound to the caller's
 * tenant, so nothing cached here can ever be read by another tenant.
 */
export function createContext(db: InventoryDb, actor: Actor, catalog: CatalogLookup, orders: OrdersLookup) {
  const tenantOf = () => requireTenant(actor);
  let warehouseList: Promise<WarehouseRow[]> | undefined;
  let policy: Promise<StockDisplayPolicy> | undefined;
  let features: ReturnType<typeof tenantFeatures> | undefined;
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
      return list.map((warehouse) => {
        const row = m?.get(warehouse.id);
        return { warehouse, quantity: row?.quantity ?? 0, reserved: row?.reserved ?? 0 };
      });
    });
  });

  type Offer = Awaited<ReturnType<typeof distributorOffers>>[number];
  const offersLoader = new DataLoader<string, Offer[]>(async (productIds) => {
    const rows = await distributorOffers(db, tenantOf(), productIds);
    return productIds.map((id) => rows.filter((r) => r.productId === id));
  });

  /** The caller's waiting "notify me" subscriptions (users only; others wait for nothing). */
  const restockLoader = new DataLoader<string, boolean>(async (productIds) => {
    if (actor.kind !== "user") return productIds.map(() => false);
    const waiting = await waitingSubscriptions(db, tenantOf(), actor.userId, productIds);
    return productIds.map((id) => waiting.has(id));
  });

  const warehouseLoader = new DataLoader<string, WarehouseRow | null>(async (ids) => {
    const byId = new Map((await allWarehouses()).map((w) => [w.id, w]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  return {
    db,
    actor,
    catalog,
    orders,
    tenantId: tenantOf,
    warehouses: allWarehouses,
    loaders: {
      stock: stockLoader,
      warehouse: warehouseLoader,
      distributorOffers: offersLoader,
      restock: restockLoader,
    },
    /** Inventory's part of the tenant's features, read once per request. */
    features() {
      features ??= tenantFeatures(db, tenantOf());
      return features;
    },
    /** The tenant's stock display policy, read once per request. */
    stockDisplay() {
      policy ??= tenantStockDisplay(db, tenantOf()).then(policyFromRow);
      return policy;
    },
  };
}

export type InventoryContext = ReturnType<typeof createContext>;
