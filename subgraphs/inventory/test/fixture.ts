import { migrations as catalogMigrations, createServer as createCatalog, seedCatalog } from "@dpp/catalog";
import { listen } from "@dpp/server";
import { createTestDatabase, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { createServer, type InventorySeedTenant, migrations, seedInventory } from "../src/index.ts";

export interface InventoryFixture {
  db: TestDatabase;
  server: Awaited<ReturnType<typeof createServer>>;
  /** The inventory subgraph's base URL (no /graphql). */
  baseUrl: string;
  url: string;
  catalogUrl: string;
  stop(): Promise<void>;
}

/** A catalog product with only what inventory reads (id, article). */
export const catalogProduct = (id: string, article: string) => ({
  id,
  article,
  name: `Товар ${article}`,
  brand: null,
  series: null,
  unit: "шт",
  packMultiple: 1,
  minQuantity: 1,
  priceGroup: "A",
  basePrice: 10000,
});

/**
 * A test database with catalog and inventory, the real catalog subgraph (stock files name
 * articles) and the inventory subgraph listening on free ports, seeded with these tenants.
 */
export async function startInventory(
  tenants: (InventorySeedTenant & { products?: { id: string; article: string }[] })[],
): Promise<InventoryFixture> {
  const db = await createTestDatabase([catalogMigrations, migrations]);
  const catalog = await createCatalog({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedCatalog(
    catalog.db,
    tenants.map((t) => ({
      id: t.id,
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: (t.products ?? []).map((p) => catalogProduct(p.id, p.article)),
      discounts: [],
    })),
  );
  const c = await listen(catalog.app, 0);
  const server = await createServer({
    databaseUrl: db.appUrl,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    catalogUrl: c.url,
  });
  await seedInventory(server.db, tenants);
  await seedInventory(server.db, tenants); // idempotent
  const l = await listen(server.app, 0);
  return {
    db,
    server,
    baseUrl: l.url,
    url: `${l.url}/graphql`,
    catalogUrl: c.url,
    stop: async () => {
      await l.close();
      await c.close();
      await server.stop();
      await catalog.stop();
      await db.drop();
    },
  };
}
