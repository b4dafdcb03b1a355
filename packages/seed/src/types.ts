import type { TenantDefinition } from "@dpp/tenant";

/**
 * The demo data set: pure data with deterministic ids, so seeding is idempotent
 * (every subgraph's seed function upserts it with ON CONFLICT DO NOTHING).
 * Money is in kopecks (integers). Ids carry a type prefix.
 */
export interface DemoTenant {
  id: string; // "ten_<slug>"
  definition: TenantDefinition;
  warehouses: DemoWarehouse[];
  products: DemoProduct[];
  /** stock per product x warehouse (quantity in the product's unit) */
  stock: { productId: string; warehouseId: string; quantity: number }[];
  /** discount per dealer company x price group, basis points */
  discounts: {
    companyId: string;
    priceGroup: string;
    percentBp: number;
    validFrom: string;
    validUntil: string | null;
  }[];
  pricing?: DemoPricing;
  /** catalog: promotions (акции), for everyone or for named partner companies */
  promotions?: {
    id: string;
    title: string;
    body: string;
    imageUrl: string | null;
    audience: "all" | "individual";
    companyIds: string[];
    validFrom: string;
    validUntil: string | null;
  }[];
  /** catalog: useful-information pages and the maintenance banner */
  content?: DemoContent;
  /** finance: contracts with every dealer company of the tenant */
  contracts: DemoContract[];
}

/** A dealer's supply contract with a tenant and its settlements history (finance). */
export interface DemoContract {
  id: string; // "ctr_..."
  companyId: string;
  counterpartyId: string | null;
  number: string;
  signedOn: string; // ISO date
  paymentTerms: "prepayment" | "deferral";
  deferralDays: number;
  creditLimit: number | null; // kopecks
  shipments: { id: string; number: string; shippedOn: string; amount: number }[];
  payments: { id: string; documentNumber: string; paidOn: string; amount: number }[];
}

export interface DemoWarehouse {
  id: string; // "whs_..."
  code: string; // "MSK"
  name: string; // "Склад Москва"
  city: string;
  address: string;
}

export interface DemoProduct {
  id: string; // "prd_..."
  article: string; // kept exactly: case, leading zeros
  name: string;
  brand: string | null;
  series: string | null;
  unit: string; // "шт"
  packMultiple: number;
  minQuantity: number;
  weightGrams: number | null;
  volumeCm3: number | null;
  priceGroup: string | null;
  basePrice: number; // kopecks
  /** Card attributes (catalog): optional so every tenant's catalog module stays short. */
  groupPath?: string[];
  description?: string | null;
  hsCode?: string | null;
  ean13?: string | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  attributes?: { name: string; value: string }[];
  discontinued?: boolean;
  /** Articles that replace a discontinued product. */
  successors?: string[];
  /** Recommended retail price in kopecks, with VAT. */
  retailPrice?: number | null;
}

/** Pricing beyond discount groups (catalog): outlet price tiers per month, personal prices, turnover tiers. */
export interface DemoPricing {
  priceTiers: { code: string; name: string; percentBp: number }[];
  /** Cumulative turnover discount: from `minTurnover` kopecks ordered (orders), `percentBp` off. */
  turnoverTiers?: { minTurnover: number; percentBp: number }[];
  tierAssignments: { companyId: string; month: string; tierCode: string }[];
  personalPrices: {
    companyId: string;
    productId: string;
    price: number;
    validFrom: string;
    validUntil: string | null;
  }[];
}

export interface DemoUser {
  id: string; // "usr_..."
  email: string;
  password: string; // demo only: printed by npm start
  fullName: string;
  phone: string | null;
  /** A generated password the person must change at first login (onboarding files). */
  mustChangePassword?: boolean;
}

export interface DemoCompany {
  id: string; // "cmp_..."
  name: string;
  counterparties: { id: string; name: string; inn: string; kpp: string | null; address: string }[];
}

export type DemoRole = "dealer" | "dealer_admin" | "manager" | "tenant_admin" | "platform_admin";

export interface DemoMembership {
  id: string; // "mem_..."
  tenantId: string;
  userId: string;
  companyId: string | null; // null for staff
  role: DemoRole;
  permissions: string[];
  /** The counterparties the member may act for; absent or empty: all of the company's. */
  counterpartyIds?: string[];
}

export interface DemoDataset {
  tenants: DemoTenant[];
  users: DemoUser[];
  companies: DemoCompany[];
  memberships: DemoMembership[];
}

/** Useful-information pages (Markdown) and the maintenance banner of a tenant (catalog). */
export interface DemoContent {
  infoPages: { id: string; slug: string; title: string; body: string; position: number; published: boolean }[];
  maintenanceBanner?: {
    text: string;
    level: "info" | "warning" | "critical";
    activeFrom: Date | null;
    activeUntil: Date | null;
    updatedBy: string;
  };
}
