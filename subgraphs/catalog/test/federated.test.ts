import { readFileSync } from "node:fs";
import * as gateway from "@dpp/gateway";
import { listen } from "@dpp/server";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/index.ts";

/**
 * The demo platform, with the catalog subgraph replaced by one whose every SQL statement is
 * counted, behind a real gateway: proves list + price + successors + stock cost a constant
 * number of statements however many products a page holds.
 */
let stack: Stack;
let gatewayUrl: string;
let token: string;
const statements: string[] = [];
let stop: () => Promise<void>;

beforeAll(async () => {
  stack = await startStack();
  const catalog = await createServer({
    databaseUrl: stack.db.appUrl,
    internalTokenSecret: stack.internalTokenSecret,
    onQuery: (q) => statements.push(q),
  });
  const c = await listen(catalog.app, 0, "127.0.0.1");
  const gw = await gateway.createServer({
    supergraphSdl: readFileSync(new URL("../../../schema/supergraph.graphql", import.meta.url), "utf8"),
    subgraphUrls: {
      identity: `${stack.urls.identity}/graphql`,
      catalog: `${c.url}/graphql`,
      inventory: `${stack.urls.inventory}/graphql`,
      orders: `${stack.urls.orders}/graphql`,
      finance: `${stack.urls.finance}/graphql`,
    },
    jwksUrl: `${stack.urls.identity}/.well-known/jwks.json`,
    issuer: "dpp-identity",
    internalTokenSecret: stack.internalTokenSecret,
  });
  const g = await listen(gw.app, 0, "127.0.0.1");
  gatewayUrl = `${g.url}/graphql`;
  const login = await postGraphQL<{ login: { accessToken?: string } }>(
    gatewayUrl,
    `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }`,
    { input: { email: "dealer@keaz.demo", password: "Demo-2026", tenantSlug: "keaz" } },
  );
  token = login.data?.login.accessToken ?? "";
  expect(token).not.toBe("");
  stop = async () => {
    await g.close();
    await gw.stop();
    await c.close();
    await catalog.stop();
    await stack.stop();
  };
}, 120_000);

afterAll(async () => {
  await stop?.();
});

const PAGE = `query($first: Int!) {
  products(first: $first) {
    nodes {
      id article name ean13 discontinued priceGroup
      successors { article price { yours { amount } } }
      price { base { amount } yours { amount } discountPercent vat { amount } source }
      stock { warehouse { code } quantity }
    }
  }
}`;

type Page = {
  products: {
    nodes: {
      article: string;
      discontinued: boolean;
      priceGroup: string | null;
      successors: { article: string }[];
      price: { base: { amount: number }; yours: { amount: number }; discountPercent: number; source: string };
      stock: { warehouse: { code: string } }[];
    }[];
  };
};

async function countFor(first: number) {
  statements.length = 0;
  const res = await postGraphQL<Page>(gatewayUrl, PAGE, { first }, { authorization: `Bearer ${token}` });
  expect(res.errors).toBeUndefined();
  return { nodes: res.data?.products.nodes ?? [], sql: [...statements] };
}

describe("catalog through the gateway: no N+1", () => {
  it("reads 100 products with prices, successors and stock in a constant number of statements", async () => {
    await countFor(100); // warm-up: a fresh connection first asks PostgreSQL about array types
    const small = await countFor(60);
    const big = await countFor(100);
    expect(small.nodes.some((n) => n.discontinued)).toBe(true);
    expect(big.nodes).toHaveLength(100);
    expect(big.nodes.some((n) => n.discontinued && n.successors.length > 0)).toBe(true);
    expect(big.nodes.every((n) => n.stock.length === 3)).toBe(true);
    // The keaz dealer's discount groups: OptiDin 12 %, OptiStart 8 %.
    const optiDin = big.nodes.find((n) => n.priceGroup === "OptiDin");
    expect(optiDin?.price).toMatchObject({ discountPercent: 12, source: "DISCOUNT_GROUP" });
    // At most five tenant transactions (settings, the page, the pricing policy with its seven
    // selects, successors by article, products by id), each begin + set_config + its selects +
    // commit, whatever the page size: an N+1 would cost over a hundred.
    expect(small.sql.length).toBeLessThanOrEqual(24);
    expect(big.sql.length).toBeLessThanOrEqual(24);
    expect(big.sql.filter((q) => q.startsWith("begin")).length).toBeLessThanOrEqual(5);
  });

  it("resolves 100 Product entities (as orders does) in a constant number of statements", async () => {
    const ids = (await countFor(100)).nodes.map((n) => n.article);
    statements.length = 0;
    const res = await postGraphQL<{ productsByArticles: ({ article: string } | null)[] }>(
      gatewayUrl,
      `query($a: [String!]!) { productsByArticles(articles: $a) { article price { yours { amount } } } }`,
      { a: ids },
      { authorization: `Bearer ${token}` },
    );
    expect(res.data?.productsByArticles.map((p) => p?.article)).toEqual(ids);
    expect(statements.length).toBeLessThanOrEqual(20);
  });

  it("answers a search with the tenant's minimum as a user error", async () => {
    const res = await postGraphQL<{ catalogSearch: { __typename: string; message?: string } }>(
      gatewayUrl,
      `{ catalogSearch(query: "Opti") { __typename ... on UserError { message } } }`,
      {},
      { authorization: `Bearer ${token}` },
    );
    expect(res.data?.catalogSearch).toEqual({
      __typename: "SearchQueryTooShortError",
      message: "Введите не меньше 6 символов или точный артикул.",
    });
  });
});
