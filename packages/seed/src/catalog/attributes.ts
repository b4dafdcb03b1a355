import type { DemoProduct } from "../types.ts";

/** EAN-13 check digit (weights 1,3,1,3,… from the left). */
export function ean13Check(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * Per tenant: GS1 company prefix (Russia: 460-469), customs code, and the group path, which
 * follows the tenant's navigation (series, brand or tree) so breadcrumbs lead to the same pages.
 */
const PROFILE: Record<
  string,
  {
    gs1: string;
    hsCode: (p: DemoProduct) => string;
    groups: (p: DemoProduct) => string[];
    /** Every Nth product of a series (at position 3) is discontinued, succeeded by the next one. */
    discontinueEvery?: number;
    /** Recommended retail price = base × markup, rounded to whole roubles. */
    retailMarkup?: number;
  }
> = {
  wasserkraft: {
    gs1: "4607111",
    hsCode: (p) => (p.priceGroup === "Смесители" ? "8481810000" : "7324900000"),
    groups: (p) => (p.series ? [p.series] : []),
  },
  keaz: {
    gs1: "4680042",
    hsCode: (p) => (p.priceGroup === "OptiStart" ? "8536490000" : "8536201000"),
    groups: (p) => (p.series ? p.series.split(" / ") : []),
    discontinueEvery: 17,
  },
  spectr: {
    gs1: "4620001",
    hsCode: () => "8525890000",
    groups: (p) => (p.brand ? [p.brand] : []),
    retailMarkup: 1.35,
  },
  vitup: {
    gs1: "4601234",
    hsCode: () => "3402500000",
    groups: (p) => (p.series ? [p.series] : []),
  },
  autoparts: {
    gs1: "4640012",
    hsCode: () => "8708999709",
    groups: (p) => (p.brand ? [p.brand] : []),
  },
};

/**
 * Card attributes for a tenant's demo products, deterministic from position: a valid EAN-13,
 * customs code, package dimensions that fit the volume, a description, the group path; for
 * KEAZ every 17th product of a series is discontinued with the next one of its series as the successor.
 */
export function withCardAttributes(slug: string, products: DemoProduct[]): DemoProduct[] {
  const profile = PROFILE[slug];
  if (!profile) return products;
  const bySeries = new Map<string, DemoProduct[]>();
  for (const p of products) {
    const list = bySeries.get(p.series ?? "") ?? [];
    list.push(p);
    bySeries.set(p.series ?? "", list);
  }
  return products.map((p, i) => {
    const first12 = `${profile.gs1}${String(i + 1).padStart(5, "0")}`;
    const side = p.volumeCm3 ? Math.max(10, Math.round(Math.cbrt(p.volumeCm3) * 10)) : null;
    const siblings = bySeries.get(p.series ?? "") ?? [];
    const pos = siblings.indexOf(p);
    const next = siblings[pos + 1];
    const every = profile.discontinueEvery;
    const discontinued = every !== undefined && pos % every === 3 && next !== undefined;
    const attributes = [
      ...(p.brand ? [{ name: "Бренд", value: p.brand }] : []),
      ...(p.series ? [{ name: "Серия", value: p.series.split(" / ").at(-1) ?? p.series }] : []),
      ...(p.priceGroup ? [{ name: "Ценовая группа", value: p.priceGroup }] : []),
      { name: "Страна производства", value: "Россия" },
    ];
    return {
      ...p,
      groupPath: profile.groups(p),
      description: `${p.name}. Поставляется упаковками по ${p.packMultiple} ${p.unit}.`,
      hsCode: profile.hsCode(p),
      ean13: `${first12}${ean13Check(first12)}`,
      lengthMm: side ? Math.round(side * 1.4) : null,
      widthMm: side,
      heightMm: side ? Math.round(side * 0.7) : null,
      attributes,
      discontinued,
      successors: discontinued && next ? [next.article] : [],
      retailPrice: profile.retailMarkup ? Math.round((p.basePrice * profile.retailMarkup) / 100) * 100 : null,
    };
  });
}
