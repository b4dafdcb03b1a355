import { sql } from "drizzle-orm";
import { check, foreignKey, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("warehouses_tenant_code_uq").on(t.tenantId, t.code)],
);

/** Quantity on hand of one product (a catalog id) in one warehouse, in the product's unit. */
export const stockLevels = inventory.table(
  "stock_levels",
  {
    tenantId: text().notNull(),
    productId: text().notNull(),
    warehouseId: text().notNull(),
    quantity: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.productId, t.warehouseId] }),
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
  },
  (t) => [
    check(
      "stock_display_threshold_matches_mode",
      sql`(${t.mode} = 'exact' and ${t.threshold} is null) or (${t.mode} = 'threshold' and ${t.threshold} > 0)`,
    ),
  ],
);
