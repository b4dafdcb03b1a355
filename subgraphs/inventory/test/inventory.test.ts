import { callSubgraph, dealerActor, postGraphQL, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventoryFixture, startInventory } from "./fixture.ts";

let fx: InventoryFixture;
let db: TestDatabase;
let url: string;

const warehouse = (id: string, code: string, city: string) => ({
  id,
  code,
  name: `Склад ${city}`,
  city,
  address: `${city}, ул. Складская, 1`,
});

beforeAll(async () => {
  fx = await startInventory([
    {
      id: "ten_w",
      features: { stockDisplay: { mode: "threshold" as const, threshold: 20 } },
      warehouses: [warehouse("whs_w_spb", "SPB", "Санкт-Петербург"), warehouse("whs_w_msk", "MSK", "Москва")],
      stock: [
        { productId: "prd_w1", warehouseId: "whs_w_msk", quantity: 25 },
        { productId: "prd_w1", warehouseId: "whs_w_spb", quantity: 20 },
        { productId: "prd_w2", warehouseId: "whs_w_msk", quantity: 0 },
      ],
    },
    {
      id: "ten_k",
      features: { stockDisplay: { mode: "exact" as const } },
      warehouses: [warehouse("whs_k_msk", "MSK", "Москва")],
      stock: [{ productId: "prd_k1", warehouseId: "whs_k_msk", quantity: 125 }],
    },
  ]);
  db = fx.db;
  url = fx.url;
});

afterAll(async () => {
  await fx?.stop();
});

const ENTITIES = `query($ids: [_Any!]!) { _entities(representations: $ids) { ... on Product { id availableQuantity stock { warehouse { code city } quantity display } } } }`;
const reps = (...ids: string[]) => ({ ids: ids.map((id) => ({ __typename: "Product", id })) });

type StockResult = {
  _entities: ({
    id: string;
    availableQuantity: number;
    stock: { warehouse: { code: string }; quantity: number; display: string }[];
  } | null)[];
};

describe("inventory subgraph", () => {
  it("resolves Product stock per warehouse, shown by the tenant's threshold policy", async () => {
    const res = await callSubgraph<StockResult>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_w"),
      ENTITIES,
      reps("prd_w1", "prd_w2", "prd_unknown"),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      {
        id: "prd_w1",
        availableQuantity: 45,
        stock: [
          { warehouse: { code: "MSK", city: "Москва" }, quantity: 25, display: "> 20" },
          { warehouse: { code: "SPB", city: "Санкт-Петербург" }, quantity: 20, display: "20" },
        ],
      },
      {
        id: "prd_w2",
        availableQuantity: 0,
        stock: [
          { warehouse: { code: "MSK", city: "Москва" }, quantity: 0, display: "0" },
          { warehouse: { code: "SPB", city: "Санкт-Петербург" }, quantity: 0, display: "0" },
        ],
      },
      {
        id: "prd_unknown",
        availableQuantity: 0,
        stock: [
          { warehouse: { code: "MSK", city: "Москва" }, quantity: 0, display: "0" },
          { warehouse: { code: "SPB", city: "Санкт-Петербург" }, quantity: 0, display: "0" },
        ],
      },
    ]);
  });

  it("shows exact quantities for a tenant with the exact policy", async () => {
    const res = await callSubgraph<StockResult>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_k"),
      ENTITIES,
      reps("prd_k1"),
    );
    expect(res.data?._entities).toEqual([
      {
        id: "prd_k1",
        availableQuantity: 125,
        stock: [{ warehouse: { code: "MSK", city: "Москва" }, quantity: 125, display: "125" }],
      },
    ]);
  });

  it("keeps tenants apart: no warehouses or stock of another tenant", async () => {
    const res = await callSubgraph<StockResult & { warehouses: { id: string }[]; w: unknown[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_k"),
      `query($ids: [_Any!]!) {
        warehouses { id }
        w: _entities(representations: [{ __typename: "Warehouse", id: "whs_w_msk" }, { __typename: "Warehouse", id: "whs_k_msk" }]) { ... on Warehouse { id code } }
        _entities(representations: $ids) { ... on Product { id availableQuantity stock { warehouse { id } quantity } } }
      }`,
      reps("prd_w1"),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.warehouses).toEqual([{ id: "whs_k_msk" }]);
    expect(res.data?.w).toEqual([null, { id: "whs_k_msk", code: "MSK" }]);
    expect(res.data?._entities).toEqual([
      { id: "prd_w1", availableQuantity: 0, stock: [{ warehouse: { id: "whs_k_msk" }, quantity: 0 }] },
    ]);
  });

  it("lists the tenant's warehouses ordered by code", async () => {
    const res = await callSubgraph<{ warehouses: { code: string; name: string; address: string }[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_w"),
      "{ warehouses { code name address } }",
    );
    expect(res.data?.warehouses.map((w) => w.code)).toEqual(["MSK", "SPB"]);
    expect(res.data?.warehouses[0]).toEqual({ code: "MSK", name: "Склад Москва", address: "Москва, ул. Складская, 1" });
  });

  it("refuses an anonymous caller and a request without the gateway's proof", async () => {
    const anon = await callSubgraph(url, TEST_INTERNAL_SECRET, { kind: "anonymous" }, ENTITIES, reps("prd_w1"));
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anon.data?._entities).toBeUndefined();
    const list = await callSubgraph(url, TEST_INTERNAL_SECRET, { kind: "anonymous" }, "{ warehouses { id } }");
    expect(list.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const bare = await postGraphQL(url, "{ warehouses { id } }");
    expect(bare.status).toBe(401);
  });

  it("row-level security hides stock from the app role outside a tenant transaction", async () => {
    const sql = postgres(db.appUrl, { max: 1 });
    try {
      const [{ count }] = (await sql`select count(*)::int as count from inventory.stock_levels`) as unknown as [
        { count: number },
      ];
      expect(count).toBe(0);
      const [flags] =
        await sql`select relrowsecurity, relforcerowsecurity from pg_class where oid = 'inventory.warehouses'::regclass`;
      expect(flags).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    } finally {
      await sql.end();
    }
  });
});
