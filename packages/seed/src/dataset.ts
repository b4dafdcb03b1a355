import { demoTenantDefinitions } from "@dpp/tenant";
import { withCardAttributes } from "./catalog/attributes.ts";
import { autopartsCatalog } from "./catalog/autoparts.ts";
import type { TenantCatalog } from "./catalog/common.ts";
import { keazCatalog } from "./catalog/keaz.ts";
import { spectrCatalog } from "./catalog/spectr.ts";
import { vitupCatalog } from "./catalog/vitup.ts";
import { wasserkraftCatalog } from "./catalog/wasserkraft.ts";
import { buildContracts } from "./finance.ts";
import { buildPeople } from "./people.ts";
import { mulberry32, type Rng, seedFrom } from "./prng.ts";
import type { DemoDataset, DemoPricing, DemoProduct, DemoTenant, DemoWarehouse } from "./types.ts";

const CATALOGS: Record<string, TenantCatalog> = {
  wasserkraft: wasserkraftCatalog,
  keaz: keazCatalog,
  spectr: spectrCatalog,
  vitup: vitupCatalog,
  autoparts: autopartsCatalog,
};

/** Discounts start with the demo year and end with it; one stays open-ended. */
const VALID_FROM = "2026-01-01";
const VALID_UNTIL = "2026-12-31";

/**
 * The whole demo data set. Pure and deterministic: every call returns equal data (seeded PRNG
 * per tenant, ids derived from slugs and positions), so seeding can upsert it idempotently.
 */
export function buildDemoDataset(): DemoDataset {
  const people = buildPeople();
  const tenants = demoTenantDefinitions.map((definition): DemoTenant => {
    const slug = definition.slug;
    const catalog = CATALOGS[slug];
    if (!catalog) throw new Error(`no demo catalog for tenant "${slug}"`);
    const rng = mulberry32(seedFrom(`dpp-demo:${slug}`));

    const warehouses: DemoWarehouse[] = catalog.warehouses.map((w) => ({
      id: `whs_${slug}_${w.code.toLowerCase()}`,
      ...w,
    }));
    const seen = new Set<string>();
    const products: DemoProduct[] = withCardAttributes(
      slug,
      catalog.products(rng).map((p, i) => {
        if (seen.has(p.article)) throw new Error(`${slug}: duplicate article "${p.article}"`);
        seen.add(p.article);
        return { id: `prd_${slug}_${String(i + 1).padStart(4, "0")}`, ...p };
      }),
    );

    const stock = products.flatMap((p) =>
      warehouses.map((w, wi) => ({ productId: p.id, warehouseId: w.id, quantity: stockQuantity(rng, p, wi) })),
    );

    const discounts = (people.discounts.get(slug) ?? []).map((d, i) => ({
      ...d,
      validFrom: VALID_FROM,
      validUntil: i === 0 ? VALID_UNTIL : null,
    }));

    const pricing = demoPricing(slug, discounts[0]?.companyId ?? null, products);
    const contracts = buildContracts(
      slug,
      people.memberships,
      (companyId) => people.companies.find((c) => c.id === companyId)?.counterparties[0]?.id ?? null,
    );
    return {
      id: `ten_${slug}`,
      definition,
      warehouses,
      products,
      stock,
      discounts,
      contracts,
      ...(pricing ? { pricing } : {}),
      ...(catalog.promotions
        ? {
            promotions: catalog.promotions.map(({ individual, ...p }, i) => ({
              id: `prm_${slug}_${i + 1}`,
              ...p,
              audience: individual ? ("individual" as const) : ("all" as const),
              companyIds: individual && discounts[0] ? [discounts[0].companyId] : [],
            })),
          }
        : {}),
      ...(catalog.content
        ? {
            content: {
              ...catalog.content,
              infoPages: catalog.content.infoPages.map((p) => ({ id: `inf_${slug}_${p.slug}`, ...p })),
            },
          }
        : {}),
    };
  });
  return { tenants, users: people.users, companies: people.companies, memberships: people.memberships };
}

/**
 * A mix that exercises the UI: about a fifth out of stock, some small quantities (below the
 * "> 20" threshold), most plenty; the first (main) warehouse holds more. Whole packs only.
 */
function stockQuantity(rng: Rng, p: DemoProduct, warehouseIndex: number): number {
  const roll = rng.next();
  let packs: number;
  if (roll < (warehouseIndex === 0 ? 0.12 : 0.3)) packs = 0;
  else if (roll < 0.5) packs = rng.int(1, 20);
  else packs = rng.int(21, warehouseIndex === 0 ? 600 : 200);
  if (p.packMultiple >= 100) packs = Math.ceil(packs / 10);
  return packs * p.packMultiple;
}

/**
 * Vitup: the outlet's price tier for every month of the demo year (revised monthly).
 * Spectr: personal prices agreed on the first three products (a presentation's offer).
 */
const DEMO_PRICING_KIND: Record<string, "monthly-tiers" | "personal-prices" | "turnover-tiers"> = {
  vitup: "monthly-tiers",
  spectr: "personal-prices",
  autoparts: "turnover-tiers",
};

function demoPricing(slug: string, companyId: string | null, products: DemoProduct[]): DemoPricing | undefined {
  if (!companyId) return undefined;
  const kind = DEMO_PRICING_KIND[slug];
  if (kind === "monthly-tiers") {
    const tiers = [
      { code: "BASE", name: "Базовый", percentBp: 0 },
      { code: "SILVER", name: "Серебряный", percentBp: 300 },
      { code: "GOLD", name: "Золотой", percentBp: 700 },
    ];
    const months = Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, "0")}-01`);
    const tierAssignments = months.map((month, m) => ({
      companyId,
      month,
      tierCode: m % 3 === 2 ? "SILVER" : "GOLD",
    }));
    return { priceTiers: tiers, tierAssignments, personalPrices: [] };
  }
  if (kind === "personal-prices") {
    const personalPrices = products.slice(0, 3).map((p) => ({
      companyId,
      productId: p.id,
      price: Math.round((p.basePrice * 0.8) / 100) * 100,
      validFrom: VALID_FROM,
      validUntil: VALID_UNTIL,
    }));
    return { priceTiers: [], tierAssignments: [], personalPrices };
  }
  if (kind === "turnover-tiers") {
    // Seed 004: the sum of the order history drives the discount (50 000 ₽ → 3 %, 200 000 ₽ → 5 %, 1 000 000 ₽ → 7 %).
    const turnoverTiers = [
      { minTurnover: 5_000_000, percentBp: 300 },
      { minTurnover: 20_000_000, percentBp: 500 },
      { minTurnover: 100_000_000, percentBp: 700 },
    ];
    return { priceTiers: [], tierAssignments: [], personalPrices: [], turnoverTiers };
  }
  return undefined;
}

/** A demo tenant by slug (tests and tools); throws when the data set has no such tenant. */
export function demoTenant<T extends { definition: { slug: string } }>(data: { tenants: T[] }, slug: string): T {
  const tenant = data.tenants.find((t) => t.definition.slug === slug);
  if (!tenant) throw new Error(`demo tenant ${slug} is missing from the data set`);
  return tenant;
}
