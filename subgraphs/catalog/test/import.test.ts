import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

const manager: Actor = {
  kind: "user",
  userId: "usr_mgr",
  tenantId: "ten_i",
  companyId: null,
  roles: ["manager"],
  permissions: [],
};

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedCatalog(admin.db, [
    {
      id: "ten_i",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [{ id: "prd_old", article: "326794", name: "Выключатель", basePrice: 28100 }],
      discounts: [],
    },
  ]);
  await admin.stop();
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
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

const IMPORT = `mutation($input: ImportProductsInput!) {
  importProducts(input: $input) { saved created updated unchanged rejected rows { row article status errors } }
}`;

type Report = {
  saved: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: { row: number; article: string; status: string; errors: string[] }[];
};

async function run(rows: unknown[], partial?: boolean, actor: Actor = manager) {
  const res = await callSubgraph<{ importProducts: Report }>(url, TEST_INTERNAL_SECRET, actor, IMPORT, {
    input: { rows, ...(partial === undefined ? {} : { partial }) },
  });
  return res;
}

const articles = async () => {
  const res = await callSubgraph<{ products: { nodes: { article: string; name: string; basePrice?: number }[] } }>(
    url,
    TEST_INTERNAL_SECRET,
    manager,
    `{ products(first: 100) { nodes { article name } } }`,
  );
  return res.data?.products.nodes.map((n) => `${n.article} ${n.name}`);
};

const good = [
  { article: "0983", name: "Полка стеклянная", basePrice: 100000, ean13: "4006381333931" },
  { article: "326794", name: "Выключатель автоматический", basePrice: 28100, discontinued: true, successors: ["0983"] },
];
const bad = [
  { article: "0984", name: "Крючок", basePrice: -100 },
  { article: "0985", name: "Мыльница", basePrice: 500, ean13: "4006381333932" },
  { article: "0986", name: "Дозатор", basePrice: 500, discontinued: true, successors: ["NOPE"] },
];

describe("importProducts", () => {
  it("refuses a dealer", async () => {
    const res = await run(good, false, dealerActor("ten_i", "cmp_1"));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("names every bad row and saves nothing unless partial import was asked for", async () => {
    const res = await run([...good, ...bad]);
    expect(res.data?.importProducts).toEqual({
      saved: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 3,
      rows: [
        { row: 1, article: "0983", status: "SKIPPED", errors: [] },
        { row: 2, article: "326794", status: "SKIPPED", errors: [] },
        { row: 3, article: "0984", status: "REJECTED", errors: ["Цена не может быть отрицательной"] },
        {
          row: 4,
          article: "0985",
          status: "REJECTED",
          errors: ["EAN-13 «4006381333932»: неверная контрольная цифра (ожидалась 1)"],
        },
        { row: 5, article: "0986", status: "REJECTED", errors: ["Неизвестный артикул замены «NOPE»"] },
      ],
    });
    expect(await articles()).toEqual(["326794 Выключатель"]);
  });

  it("with partial import saves the valid rows; a repeat changes nothing (idempotent)", async () => {
    const first = await run([...good, ...bad], true);
    expect(first.errors).toBeUndefined();
    expect(first.data?.importProducts).toMatchObject({
      saved: true,
      created: 1,
      updated: 1,
      unchanged: 0,
      rejected: 3,
    });
    expect(await articles()).toEqual(["0983 Полка стеклянная", "326794 Выключатель автоматический"]);
    const again = await run(good);
    expect(again.data?.importProducts).toMatchObject({
      saved: true,
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
    const card = await callSubgraph<{ productByArticle: unknown }>(
      url,
      TEST_INTERNAL_SECRET,
      manager,
      `{ productByArticle(article: "326794") { id discontinued successors { article ean13 } } }`,
    );
    expect(card.data?.productByArticle).toEqual({
      id: "prd_old",
      discontinued: true,
      successors: [{ article: "0983", ean13: "4006381333931" }],
    });
  });
});
