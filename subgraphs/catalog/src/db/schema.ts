import { bigint, date, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const catalog = pgSchema("catalog");

/** A tenant's product. Article is kept exactly as the supplier writes it (case, leading zeros). */
export const products = catalog.table(
  "products",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    article: text().notNull(),
    name: text().notNull(),
    brand: text(),
    series: text(),
    unit: text().notNull().default("шт"),
    packMultiple: integer().notNull().default(1),
    minQuantity: integer().notNull().default(1),
    weightGrams: integer(),
    volumeCm3: integer(),
    priceGroup: text(),
    /** Base price in kopecks, as the tenant's price list states it (VAT per tenant config). */
    basePrice: bigint({ mode: "number" }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("products_tenant_article_uq").on(t.tenantId, t.article),
    index("products_tenant_name_idx").on(t.tenantId, t.name),
  ],
);

/** A dealer company's discount on one price group in one tenant, valid for a period. */
export const discounts = catalog.table(
  "discounts",
  {
    tenantId: text().notNull(),
    companyId: text().notNull(),
    priceGroup: text().notNull(),
    /** Basis points: 1250 = 12.50 %. */
    percentBp: integer().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validUntil: date({ mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.companyId, t.priceGroup, t.validFrom] })],
);

/** Tenant pricing settings owned by catalog (VAT rate and whether list prices include it). */
export const priceSettings = catalog.table("price_settings", {
  tenantId: text().notNull().primaryKey(),
  currency: text().notNull().default("RUB"),
  vatRateBp: integer().notNull().default(2000),
  pricesIncludeVat: text({ enum: ["included", "excluded"] })
    .notNull()
    .default("included"),
});
