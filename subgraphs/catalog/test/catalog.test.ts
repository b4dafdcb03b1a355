import { listen } from "@dpp/server";
import {
  callSubgraph,
  createTestDatabase,
  dealerActor,
  postGraphQL,
  TEST_INTERNAL_SECRET,
  type TestDatabase,
} from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

const product = (id: string, article: string, name: string, basePrice: number, priceGroup = "A") => ({
  id,
  article,
  name,
  brand: null,
  series: null,
  unit: "шт",
  packMultiple: 1,
  minQuantity: 1,
  priceGroup,
  basePrice,
});

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedCatalog(admin.db, [
    {
      id: "ten_a",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [
        product("prd_a1", "0983", "Смеситель для кухни Aller", 768200),
        product("prd_a2", "0983X", "Полка стеклянная", 100000, "B"),
      ],
      discounts: [{ companyId: "cmp_1", priceGroup: "B", percentBp: 1250, validFrom: "2020-01-01", validUntil: null }],
    },
    {
      id: "ten_b",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: false },
      products: [product("prd_b1", "OptiDin BM63", "Выключатель автоматический", 28100)],
      discounts: [],
    },
  ]);
  await admin.stop();
  const l = await listen(server.app, 0);
  url = `${l.url}/graphql`;
  stop = async () => {
    await l.close();
    await server.stop();
    await db.drop();
  };
});

afterAll(async () => {
  await stop?.();
});

const PRODUCTS = `query($search: String) { products(search: $search) { nodes { id article name price { base { amount currency } yours { amount } discountPercent vat { amount } vatIncluded } } } }`;

describe("catalog subgraph", () => {
  it("refuses a request without the gateway's proof", async () => {
    const res = await postGraphQL(url, "{ products { nodes { id } } }");
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.message).toContain("missing gateway proof");
  });

  it("refuses a forged proof", async () => {
    const res = await callSubgraph(
      url,
      "another-secret-that-is-long-enough-000",
      dealerActor("ten_a"),
      "{ products { nodes { id } } }",
    );
    expect(res.status).toBe(401);
  });

  it("lists only the caller's tenant, with the caller's own price", async () => {
    const res = await callSubgraph<{
      products: { nodes: { article: string; price: { yours: { amount: number }; discountPercent: number } }[] };
    }>(url, TEST_INTERNAL_SECRET, dealerActor("ten_a", "cmp_1"), PRODUCTS);
    expect(res.errors).toBeUndefined();
    const nodes = res.data?.products.nodes ?? [];
    expect(nodes.map((n) => n.article)).toEqual(["0983", "0983X"]);
    expect(nodes[0]?.price.yours.amount).toBe(768200);
    expect(nodes[1]?.price).toMatchObject({ yours: { amount: 87500 }, discountPercent: 12.5 });
  });

  it("keeps articles exact: prefix search, case-sensitive article lookup", async () => {
    const actor = dealerActor("ten_a");
    const res = await callSubgraph<{ products: { nodes: { article: string }[] } }>(
      url,
      TEST_INTERNAL_SECRET,
      actor,
      PRODUCTS,
      {
        search: "0983X",
      },
    );
    expect(res.data?.products.nodes.map((n) => n.article)).toEqual(["0983X"]);
    const miss = await callSubgraph<{ productByArticle: unknown }>(
      url,
      TEST_INTERNAL_SECRET,
      actor,
      `{ productByArticle(article: "0983x") { id } }`,
    );
    expect(miss.data?.productByArticle).toBeNull();
  });

  it("never resolves another tenant's product, even by id", async () => {
    const res = await callSubgraph<{ product: unknown; _entities: unknown[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_b"),
      `{ product(id: "prd_a1") { id } _entities(representations: [{ __typename: "Product", id: "prd_a1" }, { __typename: "Product", id: "prd_b1" }]) { ... on Product { id article price { vatIncluded vat { amount } } } } }`,
    );
    expect(res.data?.product).toBeNull();
    expect(res.data?._entities).toEqual([
      null,
      { id: "prd_b1", article: "OptiDin BM63", price: { vatIncluded: false, vat: { amount: 5620 } } },
    ]);
  });

  it("requires a tenant: an anonymous caller is refused", async () => {
    const res = await callSubgraph(url, TEST_INTERNAL_SECRET, { kind: "anonymous" }, "{ products { nodes { id } } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("row-level security hides rows from the app role outside a tenant transaction", async () => {
    const sql = postgres(db.appUrl, { max: 1 });
    try {
      const [{ count }] = (await sql`select count(*)::int as count from catalog.products`) as unknown as [
        { count: number },
      ];
      expect(count).toBe(0);
      const [flags] =
        await sql`select relrowsecurity, relforcerowsecurity from pg_class where oid = 'catalog.products'::regclass`;
      expect(flags).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
      await expect(
        sql`insert into catalog.products (tenant_id, id, article, name, base_price) values ('ten_a', 'prd_x', 'X', 'X', 1)`,
      ).rejects.toThrow(/row-level security/);
    } finally {
      await sql.end();
    }
  });
});
