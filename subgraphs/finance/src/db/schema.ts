import {
  type AnyPgColumn,
  bigint,
  boolean,
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

export const finance = pgSchema("finance");

/** A document a tenant issues for orders (счёт, ТОРГ-12, УПД …) and the statuses it is available at. */
export const documentTypes = finance.table(
  "document_types",
  {
    tenantId: text().notNull(),
    code: text().notNull(),
    label: text().notNull(),
    /** Download formats: pdf, xlsx, html. */
    formats: text().array().notNull(),
    /** Order status codes at which the dealer may get the document. */
    availableAt: text().array().notNull(),
    /** Display order, as the tenant definition lists the documents. */
    position: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/** The tenant's finance settings and the seller's requisites, seeded from the tenant definition. */
export const tenantSettings = finance.table("tenant_settings", {
  tenantId: text().notNull().primaryKey(),
  seller: jsonb().$type<SellerSettings>().notNull(),
  vatRateBp: integer().notNull(),
  pricesIncludeVat: boolean().notNull(),
  currency: text().notNull().default("RUB"),
  actRequestIntervalHours: integer(),
  invoiceValidityDays: integer().notNull().default(5),
  bonusRule: jsonb().$type<{ kopecksPerPoint: number; minOrderKopecks: number; creditAt: string }>(),
});

export interface SellerSettings {
  name: string;
  brandName: string;
  inn: string;
  kpp: string | null;
  address: string | null;
  phone: string | null;
  bank: { name: string; bik: string; correspondentAccount: string; account: string } | null;
  director: string;
  accountant: string;
  branding: { primary: string; onPrimary: string };
}

/** A supply contract with a dealer company: payment terms and credit limit. */
export const contracts = finance.table(
  "contracts",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    companyId: text().notNull(),
    /** The dealer's legal entity (identity counterparty) the contract is with. */
    counterpartyId: text(),
    number: text().notNull(),
    signedOn: date({ mode: "string" }).notNull(),
    paymentTerms: text({ enum: ["prepayment", "deferral"] }).notNull(),
    deferralDays: integer().notNull().default(0),
    creditLimit: bigint({ mode: "number" }),
    currency: text().notNull().default("RUB"),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("contracts_number_uq").on(t.tenantId, t.number),
    index("contracts_company_idx").on(t.tenantId, t.companyId),
  ],
);

const contractFk = (name: string, t: { tenantId: AnyPgColumn; contractId: AnyPgColumn }) =>
  foreignKey({ name, columns: [t.tenantId, t.contractId], foreignColumns: [contracts.tenantId, contracts.id] });

/** An invoice for payment (счёт): issued on order submission or posted by the ERP. */
export const invoices = finance.table(
  "invoices",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    /** null: a dealer without a contract (prepayment). */
    contractId: text(),
    companyId: text().notNull(),
    number: text().notNull(),
    orderId: text(),
    issuedOn: date({ mode: "string" }).notNull(),
    dueOn: date({ mode: "string" }).notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    vat: bigint({ mode: "number" }).notNull(),
    externalId: text(),
    /** How many times the invoice was re-issued for a manager's line edit (0: as issued). */
    revision: integer().notNull().default(0),
    /** When the order's lines last changed (the edit event's time); the re-issued invoice is dated by it. */
    revisedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    contractFk("invoices_contract_fk", t),
    uniqueIndex("invoices_number_uq").on(t.tenantId, t.number),
    uniqueIndex("invoices_order_uq").on(t.tenantId, t.orderId),
    uniqueIndex("invoices_external_uq").on(t.tenantId, t.externalId),
    index("invoices_company_idx").on(t.tenantId, t.companyId),
  ],
);

/**
 * A re-issue of an order's invoice after a manager changed the order's lines, one per orders
 * outbox event (the key that makes a repeated delivery a no-op). An event older than the last
 * one applied is recorded but not applied (`applied` false).
 */
export const invoiceRevisions = finance.table(
  "invoice_revisions",
  {
    tenantId: text().notNull(),
    eventId: text().notNull(),
    invoiceId: text().notNull(),
    revision: integer().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    vat: bigint({ mode: "number" }).notNull(),
    eventAt: timestamp({ withTimezone: true }).notNull(),
    applied: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventId] }),
    foreignKey({
      name: "invoice_revisions_invoice_fk",
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
    }),
    index("invoice_revisions_invoice_idx").on(t.tenantId, t.invoiceId),
  ],
);

/** A shipment (реализация): the dealer's debt grows by its amount. */
export const shipments = finance.table(
  "shipments",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    contractId: text().notNull(),
    companyId: text().notNull(),
    number: text().notNull(),
    shippedOn: date({ mode: "string" }).notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    orderId: text(),
    externalId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    contractFk("shipments_contract_fk", t),
    uniqueIndex("shipments_external_uq").on(t.tenantId, t.externalId),
    index("shipments_contract_idx").on(t.tenantId, t.contractId, t.shippedOn),
  ],
);

/** A payment received (платёжное поручение), optionally against an invoice. */
export const payments = finance.table(
  "payments",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    contractId: text().notNull(),
    companyId: text().notNull(),
    invoiceId: text(),
    documentNumber: text().notNull(),
    paidOn: date({ mode: "string" }).notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    externalId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    contractFk("payments_contract_fk", t),
    foreignKey({
      name: "payments_invoice_fk",
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [invoices.tenantId, invoices.id],
    }),
    uniqueIndex("payments_external_uq").on(t.tenantId, t.externalId),
    index("payments_contract_idx").on(t.tenantId, t.contractId, t.paidOn),
  ],
);

/** A reconciliation act a dealer requested (the tenant may limit how often). */
export const actRequests = finance.table(
  "act_requests",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    companyId: text().notNull(),
    contractId: text().notNull(),
    periodFrom: date({ mode: "string" }).notNull(),
    periodTo: date({ mode: "string" }).notNull(),
    requestedBy: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    contractFk("act_requests_contract_fk", t),
    index("act_requests_company_idx").on(t.tenantId, t.companyId, t.requestedAt),
  ],
);

/** Bonus points ledger: one credit per order and reason. */
export const bonusEntries = finance.table(
  "bonus_entries",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    companyId: text().notNull(),
    orderId: text().notNull(),
    orderNumber: text().notNull(),
    points: integer().notNull(),
    reason: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("bonus_entries_order_uq").on(t.tenantId, t.orderId, t.reason),
    index("bonus_entries_company_idx").on(t.tenantId, t.companyId),
  ],
);

/** Official numbers and dates the ERP assigned to an order's documents (ТОРГ-12 № …). */
export const documentNumbers = finance.table(
  "document_numbers",
  {
    tenantId: text().notNull(),
    orderId: text().notNull(),
    typeCode: text().notNull(),
    number: text().notNull(),
    issuedOn: date({ mode: "string" }).notNull(),
    externalId: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.typeCode] }),
    uniqueIndex("document_numbers_external_uq").on(t.tenantId, t.externalId),
  ],
);

/**
 * Transactional outbox (decision 0006): invoice.issued, payment.recorded. An AFTER INSERT trigger
 * enqueues a graphile-worker job per row, in the transaction that records the invoice or payment.
 */
export const outbox = finance.table(
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
export const tenantConfig = finance.table("tenant_config", {
  tenantId: text().primaryKey(),
  version: integer().notNull(),
  appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
