import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
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

export const catalog = pgSchema("catalog");

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A free characteristic shown on the product card: "Номинальный ток" = "16 А". */
export interface ProductAttribute {
  name: string;
  value: string;
}

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
    /** Path in the tenant's group tree, root first: ["Модульное оборудование", "Клеммы OptiClip"]. */
    groupPath: text().array().notNull().default(sql`'{}'::text[]`),
    description: text(),
    /** Customs code (ТН ВЭД), 10 digits. */
    hsCode: text(),
    /** EAN-13, checksum validated on write. */
    ean13: text(),
    lengthMm: integer(),
    widthMm: integer(),
    heightMm: integer(),
    /** Image URLs, first is the main one. */
    images: text().array().notNull().default(sql`'{}'::text[]`),
    attributes: jsonb().$type<ProductAttribute[]>().notNull().default(sql`'[]'::jsonb`),
    discontinued: boolean().notNull().default(false),
    /** Articles that replace a discontinued product, in the supplier's order of preference. */
    successors: text().array().notNull().default(sql`'{}'::text[]`),
    /** Recommended retail price in kopecks (with VAT), when the supplier publishes one. */
    retailPrice: bigint({ mode: "number" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Russian full-text document over name, brand and series (weights A, B, C). */
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('russian'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('russian'::regconfig, coalesce(brand, '')), 'B') || setweight(to_tsvector('russian'::regconfig, coalesce(series, '')), 'C')`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("products_tenant_article_uq").on(t.tenantId, t.article),
    index("products_tenant_name_idx").on(t.tenantId, t.name),
    // Byte order ("C"): serves article prefixes (LIKE 'x%') and the article order of a ranked page.
    index("products_article_c_idx").on(t.tenantId, sql`${t.article} collate "C"`),
    // Word search: lexemes qualified by tenant (function from migration 0007), see decision 0011.
    index("products_tenant_lexemes_idx").using("gin", sql`catalog.tenant_lexemes(${t.tenantId}, ${t.search})`),
  ],
);

/**
 * The distinct lexemes of a tenant's search documents (maintained by statement triggers on
 * products, migration 0011): word prefixes expand to exact lexemes and typos find their
 * nearest words here, both far cheaper than on the products themselves (decision 0011).
 * `word` is in byte order ("C"), for prefix ranges.
 */
export const searchWords = catalog.table(
  "search_words",
  {
    tenantId: text().notNull(),
    word: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.word] }),
    index("search_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")),
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

/** A discount for one counterparty (legal entity) of a company; overrides the company's for its price group. */
export const counterpartyDiscounts = catalog.table(
  "counterparty_discounts",
  {
    tenantId: text().notNull(),
    counterpartyId: text().notNull(),
    priceGroup: text().notNull(),
    percentBp: integer().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validUntil: date({ mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.counterpartyId, t.priceGroup, t.validFrom] })],
);

/** Tenant pricing and catalog settings owned by catalog (copied from the tenant definition at seed). */
export const priceSettings = catalog.table("price_settings", {
  tenantId: text().notNull().primaryKey(),
  currency: text().notNull().default("RUB"),
  vatRateBp: integer().notNull().default(2000),
  pricesIncludeVat: text({ enum: ["included", "excluded"] })
    .notNull()
    .default("included"),
  /** How the catalog is grouped: by series, by brand or by the group tree. */
  navigation: text({ enum: ["series", "brand", "group"] })
    .notNull()
    .default("series"),
  /** Shortest name / prefix search; exact articles always match. */
  minSearchChars: integer().notNull().default(3),
  /** Managers compose presentations (personal offers) for dealers (features.presentations). */
  presentations: boolean().notNull().default(false),
});

/** VAT rate with the day it takes effect (20 % until 2025, 22 % from 2026-01-01). */
export const vatRates = catalog.table(
  "vat_rates",
  {
    tenantId: text().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    rateBp: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.validFrom] })],
);

/** A price tier of the commercial policy (vitup): a discount off the list price. */
export const priceTiers = catalog.table(
  "price_tiers",
  {
    tenantId: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    percentBp: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/** Which tier a company (outlet) has in a month; revised monthly. `month` is the first day. */
export const tierAssignments = catalog.table(
  "tier_assignments",
  {
    tenantId: text().notNull(),
    companyId: text().notNull(),
    month: date({ mode: "string" }).notNull(),
    tierCode: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.companyId, t.month] })],
);

/** Cumulative turnover discount (autoparts): from this much ordered, this discount. */
export const turnoverTiers = catalog.table(
  "turnover_tiers",
  {
    tenantId: text().notNull(),
    minTurnover: bigint({ mode: "number" }).notNull(),
    percentBp: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.minTurnover] })],
);

/** A price agreed for one company on one product, for a period. */
export const personalPrices = catalog.table(
  "personal_prices",
  {
    tenantId: text().notNull(),
    companyId: text().notNull(),
    productId: text().notNull(),
    price: bigint({ mode: "number" }).notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validUntil: date({ mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.companyId, t.productId, t.validFrom] })],
);

/**
 * A promotion (акция) with its period, text and image. `all`: every dealer of the tenant sees it;
 * `individual`: only the partner companies listed in `companyIds`.
 */
export const promotions = catalog.table(
  "promotions",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    imageUrl: text(),
    audience: text({ enum: ["all", "individual"] }).notNull(),
    companyIds: text().array().notNull().default(sql`'{}'::text[]`),
    validFrom: date({ mode: "string" }).notNull(),
    validUntil: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("promotions_period_idx").on(t.tenantId, t.validFrom)],
);

/** The version of the tenant's definition (identity, decision 0018) these settings were last brought up to. */
export const tenantConfig = catalog.table("tenant_config", {
  tenantId: text().primaryKey(),
  version: integer().notNull(),
  appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * A presentation (spectr): a manager's personal offer to one dealer company — products with
 * quantities, a personal discount off the list price, retail prices. A draft until sent; sending
 * mails the company's logins a link and gives the company the offer's prices until `validUntil`.
 */
export const presentations = catalog.table(
  "presentations",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    companyId: text().notNull(),
    title: text().notNull(),
    comment: text().notNull().default(""),
    /** Personal discount off the list price, basis points: 750 = 7.5 %. */
    discountBp: integer().notNull(),
    /** Last day (inclusive) the offer's prices hold. */
    validUntil: date({ mode: "string" }).notNull(),
    createdBy: text().notNull(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("presentations_company_idx").on(t.tenantId, t.companyId, t.createdAt),
  ],
);

/** One product of a presentation with the proposed quantity, in the manager's order. */
export const presentationLines = catalog.table(
  "presentation_lines",
  {
    tenantId: text().notNull(),
    presentationId: text().notNull(),
    productId: text().notNull(),
    position: integer().notNull(),
    quantity: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.presentationId, t.productId] }),
    foreignKey({
      columns: [t.tenantId, t.presentationId],
      foreignColumns: [presentations.tenantId, presentations.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.productId], foreignColumns: [products.tenantId, products.id] }),
    check("presentation_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/**
 * A dealer user's subscription to the daily nomenclature file (keaz): the catalog with the
 * company's prices as XLSX by e-mail. `lastMailedOn` (Moscow day) makes the daily job idempotent.
 */
export const nomenclatureSubscriptions = catalog.table(
  "nomenclature_subscriptions",
  {
    tenantId: text().notNull(),
    userId: text().notNull(),
    companyId: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastMailedOn: date({ mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.companyId] })],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** An image uploaded for a promotion (checked by content: PNG, JPEG or WebP, at most 1 MB). */
export const promotionImages = catalog.table(
  "promotion_images",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    contentType: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    bytes: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** A useful-information page (Полезная информация): Markdown written by staff, read by dealers once published. */
export const infoPages = catalog.table(
  "info_pages",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    /** Markdown source; rendered and sanitized on the server when read. */
    body: text().notNull(),
    position: integer().notNull().default(0),
    published: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("info_pages_slug_idx").on(t.tenantId, t.slug)],
);

/** The tenant's maintenance banner, shown on every portal page while within its optional period. */
export const maintenanceBanners = catalog.table("maintenance_banners", {
  tenantId: text().primaryKey(),
  text: text().notNull(),
  level: text({ enum: ["info", "warning", "critical"] }).notNull(),
  activeFrom: timestamp({ withTimezone: true }),
  activeUntil: timestamp({ withTimezone: true }),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
