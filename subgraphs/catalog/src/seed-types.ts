import type {
  counterpartyDiscounts,
  discounts,
  infoPages,
  maintenanceBanners,
  personalPrices,
  priceTiers,
  products,
  promotions,
  tierAssignments,
  turnoverTiers,
  vatRates,
} from "./db/schema.ts";

type Row<T extends { $inferInsert: unknown }> = Omit<T["$inferInsert"], "tenantId">;

/** One tenant's catalog data; everything beyond products, pricing and discounts is optional. */
export interface CatalogSeedTenant {
  id: string;
  pricing: { currency: string; vatRateBp: number; pricesIncludeVat: boolean };
  /** Navigation mode and minimum search length (from the tenant definition's features). */
  catalog?: { navigation: "series" | "brand" | "group"; minSearchChars: number; presentations?: boolean };
  products: Omit<typeof products.$inferInsert, "tenantId" | "createdAt" | "updatedAt" | "search">[];
  discounts: Row<typeof discounts>[];
  counterpartyDiscounts?: Row<typeof counterpartyDiscounts>[];
  vatRates?: Row<typeof vatRates>[];
  priceTiers?: Row<typeof priceTiers>[];
  tierAssignments?: Row<typeof tierAssignments>[];
  turnoverTiers?: Row<typeof turnoverTiers>[];
  personalPrices?: Row<typeof personalPrices>[];
  promotions?: Omit<Row<typeof promotions>, "createdAt">[];
  /** Useful-information pages (Markdown). */
  infoPages?: Omit<Row<typeof infoPages>, "createdAt" | "updatedAt">[];
  /** The maintenance banner, at most one. */
  maintenanceBanner?: Omit<Row<typeof maintenanceBanners>, "updatedAt">;
}
