import * as catalog from "@dpp/catalog";
import { createDb } from "@dpp/db";
import * as finance from "@dpp/finance";
import * as identity from "@dpp/identity";
import * as inventory from "@dpp/inventory";
import * as orders from "@dpp/orders";
import type { DemoDataset } from "@dpp/seed";
import postgres from "postgres";

/** True once the demo tenants (or any tenant) exist. */
export async function isSeeded(appUrl: string): Promise<boolean> {
  const sql = postgres(appUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from identity.tenants`;
    return (row?.n ?? 0) > 0;
  } finally {
    await sql.end();
  }
}

/**
 * Loads the demo data set through each subgraph's own seed function (each writes only its own
 * schema), as the services' app role under row-level security. Idempotent.
 */
export async function seedPlatform(appUrl: string, data: DemoDataset): Promise<void> {
  const { sql, db } = createDb(appUrl, {}, { max: 4, applicationName: "seed" });
  // Each seed function is typed with its subgraph's own drizzle schema; the tables it writes are
  // referenced explicitly, so a schema-less drizzle instance over the same pool serves them all.
  const as = <T>() => db as unknown as T;
  try {
    const tenants = data.tenants.map((t) => ({ id: t.id, definition: t.definition }));
    await identity.seedIdentity(as<Parameters<typeof identity.seedIdentity>[0]>(), {
      tenants,
      users: data.users,
      companies: data.companies,
      memberships: data.memberships,
    });
    await catalog.seedCatalog(
      as<Parameters<typeof catalog.seedCatalog>[0]>(),
      data.tenants.map((t) => ({
        id: t.id,
        pricing: {
          currency: t.definition.pricing.currency,
          vatRateBp: t.definition.pricing.vatRateBp,
          pricesIncludeVat: t.definition.pricing.pricesIncludeVat,
        },
        catalog: {
          navigation: t.definition.features.navigation,
          minSearchChars: t.definition.features.minSearchChars,
          presentations: t.definition.features.presentations ?? false,
        },
        products: t.products,
        discounts: t.discounts,
        priceTiers: t.pricing?.priceTiers,
        tierAssignments: t.pricing?.tierAssignments,
        personalPrices: t.pricing?.personalPrices,
        turnoverTiers: t.pricing?.turnoverTiers,
        promotions: t.promotions,
        infoPages: t.content?.infoPages,
        maintenanceBanner: t.content?.maintenanceBanner,
      })),
    );
    await inventory.seedInventory(
      as<Parameters<typeof inventory.seedInventory>[0]>(),
      data.tenants.map((t) => ({
        id: t.id,
        features: t.definition.features,
        warehouses: t.warehouses,
        stock: t.stock,
      })),
    );
    await orders.seedOrders(as<Parameters<typeof orders.seedOrders>[0]>(), tenants);
    await finance.seedFinance(
      as<Parameters<typeof finance.seedFinance>[0]>(),
      data.tenants.map((t) => ({ id: t.id, definition: t.definition, contracts: t.contracts })),
    );
  } finally {
    await sql.end({ timeout: 5 });
  }
}
