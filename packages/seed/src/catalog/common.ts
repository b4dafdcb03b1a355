import type { Rng } from "../prng.ts";
import type { DemoContent, DemoProduct, DemoWarehouse } from "../types.ts";

/** A product before the data set gives it an id. */
export type CatalogItem = Omit<DemoProduct, "id">;

/** What each tenant's catalog module provides. */
export interface TenantCatalog {
  warehouses: Omit<DemoWarehouse, "id">[];
  /** Price groups used by the products (2-4 per tenant). */
  priceGroups: string[];
  products: (rng: Rng) => CatalogItem[];
  /** Promotions (акции); `individual` ones go to the tenant's demo dealer company only. */
  promotions?: {
    title: string;
    body: string;
    imageUrl: string | null;
    individual: boolean;
    validFrom: string;
    validUntil: string | null;
  }[];
  /** Useful-information pages (ids come from the slug) and the maintenance banner. */
  content?: {
    infoPages: Omit<DemoContent["infoPages"][number], "id">[];
    maintenanceBanner?: DemoContent["maintenanceBanner"];
  };
}

/** A price in whole roubles between min and max, rounded to `step`, as kopecks. */
export function rubles(rng: Rng, min: number, max: number, step = 1): number {
  const r = Math.round(rng.int(min, max) / step) * step;
  return Math.max(step, r) * 100;
}

export function item(partial: Partial<CatalogItem> & Pick<CatalogItem, "article" | "name" | "basePrice">): CatalogItem {
  return {
    brand: null,
    series: null,
    unit: "шт",
    packMultiple: 1,
    minQuantity: 1,
    weightGrams: null,
    volumeCm3: null,
    priceGroup: null,
    ...partial,
  };
}
