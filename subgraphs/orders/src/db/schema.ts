import type { Workflow } from "@dpp/tenant";
import {
  bigint,
  boolean,
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

export const ordersSchema = pgSchema("orders");

/** A tenant's order workflow, versioned: an order keeps the version it was submitted under. */
export const workflows = ordersSchema.table(
  "workflows",
  {
    tenantId: text().notNull(),
    version: integer().notNull(),
    definition: jsonb().$type<Workflow>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

/** Tenant features the order rules read (seeded from the tenant definition). */
export const tenantSettings = ordersSchema.table("tenant_settings", {
  tenantId: text().notNull().primaryKey(),
  packRounding: boolean().notNull().default(false),
  vatRounding: text({ enum: ["per_line", "per_document"] })
    .notNull()
    .default("per_line"),
  currency: text().notNull().default("RUB"),
});

/** A draft (is_draft) or a submitted order of one dealer company. */
export const orders = ordersSchema.table(
  "orders",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    /** Sequential per tenant, assigned on submission; null for drafts. */
    number: text(),
    companyId: text().notNull(),
    userId: text().notNull(),
    isDraft: boolean().notNull().default(true),
    name: text(),
    statusCode: text().notNull(),
    /** The workflow version the order was submitted under; null for drafts. */
    workflowVersion: integer(),
    comment: text(),
    currency: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("orders_tenant_number_uq").on(t.tenantId, t.number),
    index("orders_tenant_company_idx").on(t.tenantId, t.companyId, t.isDraft, t.createdAt),
  ],
);

/** A line of an order: product data and price as they were when the line was added. */
export const orderLines = ordersSchema.table(
  "order_lines",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    orderId: text().notNull(),
    productId: text().notNull(),
    article: text().notNull(),
    name: text().notNull(),
    quantity: integer().notNull(),
    /** The dealer's price for one unit in kopecks (VAT included or not: see vat_included). */
    unitPrice: bigint({ mode: "number" }).notNull(),
    /** VAT of one unit in kopecks, as catalog computed it. */
    vat: bigint({ mode: "number" }).notNull(),
    /** Basis points: 2000 = 20 %. */
    vatRateBp: integer().notNull(),
    vatIncluded: boolean().notNull(),
    packMultiple: integer().notNull().default(1),
    minQuantity: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
    index("order_lines_tenant_order_idx").on(t.tenantId, t.orderId),
  ],
);

/** Per-tenant sequence of order numbers (update … returning inside the submitting transaction). */
export const orderNumbers = ordersSchema.table("order_numbers", {
  tenantId: text().notNull().primaryKey(),
  last: integer().notNull().default(0),
});

/** Transactional outbox: an AFTER INSERT trigger enqueues a graphile-worker job per row. */
export const outbox = ordersSchema.table(
  "outbox",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    topic: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
