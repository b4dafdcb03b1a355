import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

const p = (id: string, article: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  article,
  name,
  brand: null,
  series: null,
  priceGroup: "A",
  basePrice: 100000,
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
  await seedCatalog(admin.db, [
    {
      id: "ten_k",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      catalog: { navigation: "group", minSearchChars: 6 },
      products: [
        p("prd_k1", "326794", "Автоматический выключатель OptiDin BM63-1C16-4,5-УХЛ3", {
          groupPath: ["Модульное оборудование", "Автоматические выключатели"],
          hsCode: "8536201000",
          ean13: "4680000326794",
          lengthMm: 90,
          widthMm: 18,
          heightMm: 75,
          attributes: [{ name: "Номинальный ток", value: "16 А" }],
          discontinued: true,
          successors: ["114112", "999999"],
        }),
        p("prd_k2", "114112", "Автоматический выключатель OptiDin BM63-1C16-6-УХЛ3", {
          groupPath: ["Модульное оборудование", "Автоматические выключатели"],
        }),
        p("prd_k3", "114113", "Автоматические выключатели OptiMat D100N", {
          groupPath: ["Силовые выключатели"],
        }),
        p("prd_k4", "200001", "Клемма винтовая OptiClip KA-2,5 серый", {
          groupPath: ["Модульное оборудование", "Клеммы"],
          priceGroup: "B",
          retailPrice: 150000,
        }),
      ],
      discounts: [{ companyId: "cmp_k", priceGroup: "A", percentBp: 1200, validFrom: "2020-01-01", validUntil: null }],
      vatRates: [{ validFrom: "2000-01-01", rateBp: 2200 }],
      priceTiers: [{ code: "GOLD", name: "Золото", percentBp: 1500 }],
      tierAssignments: [{ companyId: "cmp_k", month: `${today.slice(0, 7)}-01`, tierCode: "GOLD" }],
      counterpartyDiscounts: [
        { counterpartyId: "cpt_k2", priceGroup: "A", percentBp: 2000, validFrom: "2020-01-01", validUntil: null },
      ],
      personalPrices: [
        { companyId: "cmp_k", productId: "prd_k4", price: 70000, validFrom: "2020-01-01", validUntil: null },
      ],
    },
    {
      id: "ten_w",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      catalog: { navigation: "series", minSearchChars: 3 },
      products: [
        p("prd_w1", "1061", "Смеситель для ванны с коротким изливом", { series: "Aller 1060" }),
        p("prd_w2", "1063", "Смеситель для раковины", { series: "Aller 1060" }),
        p("prd_w3", "K-1062", "Держатель для полотенец", { series: "Aller 1060" }),
        p("prd_w4", "3707", "Смеситель для кухни с поворотным изливом", { series: "Ammer 3700" }),
        p("prd_w5", "0983", "Полка стеклянная", { series: "Ammer 3700" }),
        p("prd_w6", "106", "Кронштейн настенный", { series: "Ammer 3700" }),
      ],
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

const SEARCH = `query($q: String!, $group: String, $first: Int, $after: String) {
  catalogSearch(query: $q, group: $group, first: $first, after: $after) {
    __typename
    ... on ProductConnection { nodes { article } pageInfo { hasNextPage endCursor } }
    ... on UserError { code message }
  }
}`;

type SearchResult = {
  catalogSearch: {
    __typename: string;
    nodes?: { article: string }[];
    pageInfo?: { hasNextPage: boolean; endCursor: string | null };
    code?: string;
    message?: string;
  };
};

async function find(tenant: string, q: string, vars: Record<string, unknown> = {}) {
  const res = await callSubgraph<SearchResult>(url, TEST_INTERNAL_SECRET, dealerActor(tenant), SEARCH, { q, ...vars });
  expect(res.errors).toBeUndefined();
  return res.data?.catalogSearch;
}
const articles = async (tenant: string, q: string, vars: Record<string, unknown> = {}) =>
  (await find(tenant, q, vars))?.nodes?.map((n) => n.article);

describe("catalog search", () => {
  it.each([
    ["ten_k", "326794 114113", ["114113", "326794"]],
    ["ten_k", "114112", ["114112"]],
    ["ten_w", "0983", ["0983"]],
    ["ten_w", "смесители", ["1061", "1063", "3707"]],
    ["ten_w", "смесителя для кухни", ["3707"]],
    ["ten_w", "смеситль", ["1061", "1063", "3707"]],
    ["ten_w", "K-106", ["K-1062"]],
    ["ten_w", "Aller", ["1061", "1063", "K-1062"]],
    ["ten_w", "нечто совсем другое", []],
  ])("%s: «%s» finds %j", async (tenant, q, want) => {
    const got = await articles(tenant, q);
    expect([...(got ?? [])].sort()).toEqual([...want].sort());
  });

  it("ranks exact articles first, then prefixes, then words", async () => {
    // "106" is an article, a prefix of 1061 and 1063, and a prefix of the word "1060" in the series.
    expect(await articles("ten_w", "106")).toEqual(["106", "1061", "1063", "K-1062"]);
  });

  it("applies the tenant's minimum length to words, but always finds an exact article", async () => {
    expect(await find("ten_k", "Optic")).toEqual({
      __typename: "SearchQueryTooShortError",
      code: "SEARCH_QUERY_TOO_SHORT",
      message: "Введите не меньше 6 символов или точный артикул.",
    });
    expect(await articles("ten_k", "11411")).toBeUndefined();
    expect(await articles("ten_k", "114113")).toEqual(["114113"]);
  });

  it("pages with a cursor through ranked results without repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page = await find("ten_w", "смеситель", { first: 1, after });
      seen.push(...(page?.nodes?.map((n) => n.article) ?? []));
      if (!page?.pageInfo?.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(["1061", "1063", "3707"]);
    expect(await find("ten_w", "смеситель", { after: "garbage" })).toMatchObject({ code: "INVALID_CURSOR" });
  });

  it("filters by the tenant's navigation: series for one tenant, group subtree for another", async () => {
    expect(await articles("ten_w", "смеситель", { group: "Ammer 3700" })).toEqual(["3707"]);
    const res = await callSubgraph<{ products: { nodes: { article: string }[] } }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_k"),
      `{ products(group: "Модульное оборудование") { nodes { article } } }`,
    );
    expect(res.data?.products.nodes.map((n) => n.article)).toEqual(["114112", "326794", "200001"]);
  });

  it("never finds another tenant's products", async () => {
    expect(await articles("ten_w", "326794")).toEqual([]);
    expect(await articles("ten_k", "смеситель")).toEqual([]);
  });
});

describe("navigation, attributes, prices", () => {
  it("gives each tenant its navigation with counts", async () => {
    const q = `{ catalogNavigation { mode minSearchChars nodes { key label productCount children { key label productCount } } } }`;
    const k = await callSubgraph<{ catalogNavigation: unknown }>(url, TEST_INTERNAL_SECRET, dealerActor("ten_k"), q);
    expect(k.data?.catalogNavigation).toEqual({
      mode: "GROUP",
      minSearchChars: 6,
      nodes: [
        {
          key: "Модульное оборудование",
          label: "Модульное оборудование",
          productCount: 3,
          children: [
            {
              key: "Модульное оборудование / Автоматические выключатели",
              label: "Автоматические выключатели",
              productCount: 2,
            },
            { key: "Модульное оборудование / Клеммы", label: "Клеммы", productCount: 1 },
          ],
        },
        { key: "Силовые выключатели", label: "Силовые выключатели", productCount: 1, children: [] },
      ],
    });
    const w = await callSubgraph<{
      catalogNavigation: { mode: string; nodes: { label: string; productCount: number }[] };
    }>(url, TEST_INTERNAL_SECRET, dealerActor("ten_w"), q);
    expect(w.data?.catalogNavigation.mode).toBe("SERIES");
    expect(w.data?.catalogNavigation.nodes.map((n) => [n.label, n.productCount])).toEqual([
      ["Aller 1060", 3],
      ["Ammer 3700", 3],
    ]);
  });

  it("shows the card's attributes and resolves successors of a discontinued product", async () => {
    const res = await callSubgraph<{ productByArticle: unknown }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_k", "cmp_k"),
      `{ productByArticle(article: "326794") { hsCode ean13 dimensions { lengthMm widthMm heightMm } attributes { name value } discontinued successors { article discontinued } groupPath } }`,
    );
    expect(res.data?.productByArticle).toEqual({
      hsCode: "8536201000",
      ean13: "4680000326794",
      dimensions: { lengthMm: 90, widthMm: 18, heightMm: 75 },
      attributes: [{ name: "Номинальный ток", value: "16 А" }],
      discontinued: true,
      successors: [{ article: "114112", discontinued: false }],
      groupPath: ["Модульное оборудование", "Автоматические выключатели"],
    });
  });

  it("prices for the viewer: best of discount group and tier, personal price, dated VAT, retail", async () => {
    const res = await callSubgraph<{ productsByArticles: unknown[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_k", "cmp_k"),
      `{ productsByArticles(articles: ["326794", "200001", "nope"]) { article price { base { amount } yours { amount } discountPercent vatRatePercent vat { amount } retail { amount } source } } }`,
    );
    expect(res.data?.productsByArticles).toEqual([
      {
        article: "326794",
        price: {
          base: { amount: 100000 },
          yours: { amount: 85000 },
          discountPercent: 15,
          vatRatePercent: 22,
          vat: { amount: 15328 },
          retail: null,
          source: "PRICE_TIER",
        },
      },
      {
        article: "200001",
        price: {
          base: { amount: 100000 },
          yours: { amount: 70000 },
          discountPercent: 30,
          vatRatePercent: 22,
          vat: { amount: 12623 },
          retail: { amount: 150000 },
          source: "PERSONAL",
        },
      },
      null,
    ]);
  });

  it("lists the company's discount groups", async () => {
    const res = await callSubgraph<{ myDiscounts: unknown[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor("ten_k", "cmp_k"),
      `{ myDiscounts { priceGroup discountPercent validFrom validUntil active forCounterparty } }`,
    );
    expect(res.data?.myDiscounts).toEqual([
      {
        priceGroup: "A",
        discountPercent: 12,
        validFrom: "2020-01-01",
        validUntil: null,
        active: true,
        forCounterparty: false,
      },
    ]);
  });

  it("prices for the active counterparty: its own discount replaces the company's", async () => {
    const actor = { ...dealerActor("ten_k", "cmp_k"), counterpartyId: "cpt_k2" };
    const res = await callSubgraph<{ productByArticle: unknown; myDiscounts: unknown[] }>(
      url,
      TEST_INTERNAL_SECRET,
      actor,
      `{ productByArticle(article: "114113") { price { yours { amount } discountPercent source } } myDiscounts { priceGroup discountPercent forCounterparty } }`,
    );
    expect(res.data?.productByArticle).toEqual({
      price: { yours: { amount: 80000 }, discountPercent: 20, source: "DISCOUNT_GROUP" },
    });
    expect(res.data?.myDiscounts).toEqual([
      { priceGroup: "A", discountPercent: 20, forCounterparty: true },
      { priceGroup: "A", discountPercent: 12, forCounterparty: false },
    ]);
  });
});

describe("browsing", () => {
  it("orders by the tenant's navigation group, then article, and pages through it", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: {
        data?: { products: { nodes: { article: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      } = await callSubgraph(
        url,
        TEST_INTERNAL_SECRET,
        dealerActor("ten_w"),
        `query($after: String) { products(first: 2, after: $after) { nodes { article } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...(res.data?.products.nodes.map((n) => n.article) ?? []));
      if (!res.data?.products.pageInfo.hasNextPage) break;
      after = res.data.products.pageInfo.endCursor;
    }
    expect(seen).toEqual(["1061", "1063", "K-1062", "0983", "106", "3707"]);
  });
});
