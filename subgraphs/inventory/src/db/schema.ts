import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const inventory = pgSchema("inventory");

/** A tenant's warehouse. The code is the supplier's own, unique within the tenant. */
export const warehouses = inventory.table(
  "warehouses",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    city: text().notNull(),
    address: text().notNull(),
    /** Business days to replenish (or produce) what it lacks; null: the tenant's default. */
    replenishmentDays: integer(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("warehouses_tenant_code_uq").on(t.tenantId, t.code),
    check("warehouses_replenishment_days_positive", sql`${t.replenishmentDays} is null or ${t.replenishmentDays} > 0`),
  ],
);

/** Quantity on hand of one product (a catalog id) in one warehouse, in the product's unit. */
export const stockLevels = inventory.table(
  "stock_levels",
  {
    tenantId: text().notNull(),
    productId: text().notNull(),
    warehouseId: text().notNull(),
    quantity: integer().notNull(),
    /** Held by active reservations; available = quantity - reserved (never below 0 by reservation). */
    reserved: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.productId, t.warehouseId] }),
    check("stock_levels_reserved_nonnegative", sql`${t.reserved} >= 0`),
    foreignKey({
      name: "stock_levels_warehouse_fk",
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    check("stock_levels_quantity_nonnegative", sql`${t.quantity} >= 0`),
  ],
);

/** How a tenant shows stock to dealers: exact numbers, or "> N" above a threshold. */
export const stockDisplay = inventory.table(
  "stock_display",
  {
    tenantId: text().notNull().primaryKey(),
    mode: text({ enum: ["exact", "threshold"] })
      .notNull()
      .default("exact"),
    threshold: integer(),
    /** features.lowStockThreshold: available at or below it emits stock.low; null: never. */
    lowStockThreshold: integer(),
  },
  (t) => [
    check(
      "stock_display_threshold_matches_mode",
      sql`(${t.mode} = 'exact' and ${t.threshold} is null) or (${t.mode} = 'threshold' and ${t.threshold} > 0)`,
    ),
  ],
);

/** Stock held for one order (all its lines or none); one row per order, status moves once. */
export const reservations = inventory.table(
  "reservations",
  {
    tenantId: text().notNull(),
    orderId: text().notNull(),
    status: text({ enum: ["active", "released", "expired"] }).notNull(),
    /** null: held until released. */
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId] }),
    check("reservations_closed_matches_status", sql`(${t.status} = 'active') = (${t.closedAt} is null)`),
  ],
);

/** What one reservation holds in one warehouse. */
export const reservationLines = inventory.table(
  "reservation_lines",
  {
    tenantId: text().notNull(),
    orderId: text().notNull(),
    productId: text().notNull(),
    warehouseId: text().notNull(),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.productId, t.warehouseId] }),
    foreignKey({
      name: "reservation_lines_reservation_fk",
      columns: [t.tenantId, t.orderId],
      foreignColumns: [reservations.tenantId, reservations.orderId],
    }).onDelete("cascade"),
    foreignKey({
      name: "reservation_lines_stock_fk",
      columns: [t.tenantId, t.productId, t.warehouseId],
      foreignColumns: [stockLevels.tenantId, stockLevels.productId, stockLevels.warehouseId],
    }),
    check("reservation_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/**
 * Transactional outbox. An AFTER INSERT trigger enqueues the graphile-worker `outbox` job at
 * `run_at` (now when null), so a reservation's expiry is scheduled in the transaction that holds it.
 */
export const outbox = inventory.table(
  "outbox",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    topic: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    runAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** A tenant's lead-time rule (features.leadTime); no row: the tenant shows no lead times. */
export const leadTimeSettings = inventory.table(
  "lead_time_settings",
  {
    tenantId: text().notNull().primaryKey(),
    shippingDays: integer().notNull(),
    replenishmentDays: integer().notNull(),
    calendar: text({ enum: ["ru"] }).notNull(),
  },
  (t) => [check("lead_time_settings_days", sql`${t.shippingDays} >= 0 and ${t.replenishmentDays} > 0`)],
);

/** A distributor's (a dealer company's) own warehouse, kept by the distributor. */
export const distributorWarehouses = inventory.table(
  "distributor_warehouses",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    companyId: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    address: text().notNull(),
    contacts: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("distributor_warehouses_code_uq").on(t.tenantId, t.companyId, t.code),
  ],
);

/** Stock a distributor reported, replaced as a whole by each upload. */
export const distributorStock = inventory.table(
  "distributor_stock",
  {
    tenantId: text().notNull(),
    warehouseId: text().notNull(),
    productId: text().notNull(),
    companyId: text().notNull(),
    quantity: integer().notNull(),
    /** The distributor's page for the product, when given. */
    link: text(),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.warehouseId, t.productId] }),
    foreignKey({
      name: "distributor_stock_warehouse_fk",
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [distributorWarehouses.tenantId, distributorWarehouses.id],
    }).onDelete("cascade"),
    index("distributor_stock_company_idx").on(t.tenantId, t.companyId),
    index("distributor_stock_product_idx").on(t.tenantId, t.productId),
    check("distributor_stock_quantity_nonnegative", sql`${t.quantity} >= 0`),
  ],
);

/** "Notify me when in stock": one per dealer user and product; a restock mails it once. */
export const restockSubscriptions = inventory.table(
  "restock_subscriptions",
  {
    tenantId: text().notNull(),
    productId: text().notNull(),
    userId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The stock.restocked event that notified it; null while waiting. */
    notifiedEventId: text(),
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.productId, t.userId] }),
    index("restock_subscriptions_event_idx").on(t.tenantId, t.notifiedEventId),
  ],
);

/** A shipment (waybill) from the supplier's ERP or staff; its number is the ERP's. */
export const shipments = inventory.table(
  "shipments",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    number: text().notNull(),
    date: date({ mode: "string" }).notNull(),
    consignee: text().notNull().default(""),
    address: text().notNull().default(""),
    deliveryMethod: text().notNull().default(""),
    /** The buyer: the dealer company of its orders (checked with orders); null for shipments recorded before. */
    companyId: text(),
    /** What it carries at the orders' prices, in kopecks; null for shipments recorded before. */
    amount: bigint({ mode: "number" }),
    currency: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("shipments_number_uq").on(t.tenantId, t.number),
    index("shipments_company_idx").on(t.tenantId, t.companyId),
  ],
);

/** What a shipment carries, per order and product. */
export const shipmentLines = inventory.table(
  "shipment_lines",
  {
    tenantId: text().notNull(),
    shipmentId: text().notNull(),
    orderId: text().notNull(),
    productId: text().notNull(),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.shipmentId, t.orderId, t.productId] }),
    foreignKey({
      name: "shipment_lines_shipment_fk",
      columns: [t.tenantId, t.shipmentId],
      foreignColumns: [shipments.tenantId, shipments.id],
    }).onDelete("cascade"),
    index("shipment_lines_order_idx").on(t.tenantId, t.orderId),
    check("shipment_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/** Inventory's part of a tenant's features (tenant data, written by the seed / tenant definition). */
export const tenantSettings = inventory.table("tenant_settings", {
  tenantId: text().notNull().primaryKey(),
  /** features.distributorNetwork: dealers keep their own warehouses and stock. */
  distributorNetwork: boolean().notNull().default(false),
});

/** Where an order line stands as the ERP reports it (product readiness); one row per order × product. */
export const lineReadiness = inventory.table(
  "line_readiness",
  {
    tenantId: text().notNull(),
    orderId: text().notNull(),
    productId: text().notNull(),
    /** The order's dealer company (from orders when reported): dealers see their own. */
    companyId: text().notNull(),
    status: text({ enum: ["processing", "production", "in_transit", "in_stock"] }).notNull(),
    /** How much of the line is ready to ship; null: all of it once in stock, none before. */
    readyQuantity: integer(),
    guaranteedDate: date({ mode: "string" }),
    readyDate: date({ mode: "string" }),
    warehouseId: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.productId] }),
    index("line_readiness_company_idx").on(t.tenantId, t.companyId),
    foreignKey({
      name: "line_readiness_warehouse_fk",
      columns: [t.tenantId, t.warehouseId],
      foreignColumns: [warehouses.tenantId, warehouses.id],
    }),
    check("line_readiness_ready_nonnegative", sql`${t.readyQuantity} is null or ${t.readyQuantity} >= 0`),
  ],
);

/** Dealer users mailed «Уведомление об отгрузке товаров» for their company's new shipments. */
export const shipmentSubscriptions = inventory.table(
  "shipment_subscriptions",
  {
    tenantId: text().notNull(),
    companyId: text().notNull(),
    userId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.companyId, t.userId] })],
);

/** The version of the tenant's definition (identity, decision 0018) these settings were last brought up to. */
export const tenantConfig = inventory.table("tenant_config", {
  tenantId: text().primaryKey(),
  version: integer().notNull(),
  appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
