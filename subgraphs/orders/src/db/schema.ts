import type { Checkout, Workflow } from "@dpp/tenant";
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
import type { NormalizedCheckout, OrderCheckout } from "../domain/checkout.ts";

export const ordersSchema = pgSchema("orders");

/** A tenant's order workflow, versioned: an order keeps the version it was submitted under. */
export const workflows = ordersSchema.table(
  "workflows",
  {
    tenantId: text().notNull(),
    version: integer().notNull(),
    definition: jsonb().$type<Workflow>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The tenant admin who saved this version; null for versions loaded from the tenant definition. */
    authorUserId: text(),
    /** Why the version was made, as its author wrote it. */
    comment: text(),
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
  /** Dealers keep several drafts (else one cart per company). */
  multipleDrafts: boolean().notNull().default(true),
  /** Hours a stock reservation is held (workflow effect reserve_stock); null: until released. */
  reserveHoldHours: integer(),
  /** Import: a short product gets only the available quantity, and the report says so (features.orderUpToStock). */
  orderUpToStock: boolean().notNull().default(false),
  /** The tenant's checkout form (definition.checkout); null: the platform's default form. */
  checkout: jsonb().$type<Checkout>(),
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
    /** When the order last changed status (submission included). */
    statusChangedAt: timestamp({ withTimezone: true }),
    /** Why the order was cancelled, as the canceller wrote it. */
    cancelReason: text(),
    /** Inventory holds the order's stock (effect reserve_stock, until release_stock or expiry). */
    stockReserved: boolean().notNull().default(false),
    /** When inventory's hold ends; null while reserved: until released. */
    reservedUntil: timestamp({ withTimezone: true }),
    /** The manager who took the order (from the pool or as the dealer's personal manager). */
    managerUserId: text(),
    /** The supplier's ERP number of the order (e.g. ТД000058016), as the ERP reports it. */
    erpNumber: text(),
    /** The customer's own number of the order, given on submission. */
    customerNumber: text(),
    /** The dealer follows the order (keaz «Отслеживаемые»). */
    tracked: boolean().notNull().default(false),
    /** The client's idempotency key of the submission (unique per company). */
    submissionKey: text(),
    /** Digest of what that submission asked for: a repeat with another body is refused. */
    submissionFingerprint: text(),
    /** The buyer counterparty (identity): the one chosen at checkout, else the session's active one. */
    counterpartyId: text(),
    /** The checkout fields as submitted, with the names and labels the dealer saw (domain/checkout.ts). */
    checkout: jsonb().$type<OrderCheckout>(),
    /** A draft's checkout values as the dealer left them (updateDraftCheckout), to pre-fill the form. */
    draftCheckout: jsonb().$type<NormalizedCheckout>(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("orders_tenant_number_uq").on(t.tenantId, t.number),
    index("orders_tenant_company_idx").on(t.tenantId, t.companyId, t.isDraft, t.createdAt),
    uniqueIndex("orders_tenant_company_submission_key_uq").on(t.tenantId, t.companyId, t.submissionKey),
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
    /** The catalog's unit of measure, e.g. шт, м, кг, компл. */
    unit: text().notNull().default("шт"),
    /** The tenant's list price of one unit in kopecks (as unit_price, VAT-wise); null on lines older than it. */
    basePrice: bigint({ mode: "number" }),
    /** Gross weight of one unit in grams, when the catalog knows it. */
    weightGrams: integer(),
    /** Volume of one unit in cubic centimetres, when the catalog knows it. */
    volumeCm3: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
    index("order_lines_tenant_order_idx").on(t.tenantId, t.orderId),
  ],
);

/** The draft each dealer user works on now (the header's switcher; "Buy" adds to it). */
export const activeDrafts = ordersSchema.table(
  "active_drafts",
  {
    tenantId: text().notNull(),
    userId: text().notNull(),
    companyId: text().notNull(),
    orderId: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.companyId] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
  ],
);

/** A comment on an order, by the dealer or by a manager; each notifies the other side. */
export const orderComments = ordersSchema.table(
  "order_comments",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    orderId: text().notNull(),
    authorUserId: text().notNull(),
    authorSide: text({ enum: ["dealer", "manager"] }).notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [orders.tenantId, orders.id] }).onDelete("cascade"),
    index("order_comments_tenant_order_idx").on(t.tenantId, t.orderId, t.createdAt),
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

/** The version of the tenant's definition (identity, decision 0018) these settings were last brought up to. */
export const tenantConfig = ordersSchema.table("tenant_config", {
  tenantId: text().primaryKey(),
  version: integer().notNull(),
  appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A company's delivery addresses: saved when an order is submitted with a new one, offered next time. */
export const deliveryAddresses = ordersSchema.table(
  "delivery_addresses",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    companyId: text().notNull(),
    /** As the dealer typed it, whitespace collapsed. */
    address: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The last submission that used it: the newest is offered first. */
    lastUsedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("delivery_addresses_company_address_uq").on(t.tenantId, t.companyId, t.address),
  ],
);
