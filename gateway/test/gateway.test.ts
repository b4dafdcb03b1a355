import { type AccessClaims, INTERNAL_TOKEN_HEADER, signAccessToken, signInternalToken } from "@dpp/auth";
import { migrations as catalogMigrations, createServer as createCatalog, seedCatalog } from "@dpp/catalog";
import { createServer as createInventory, migrations as inventoryMigrations, seedInventory } from "@dpp/inventory";
import { listen } from "@dpp/server";
import { createTestDatabase, dealerActor, postGraphQL, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import express from "express";
import { type CryptoKey, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeSupergraph } from "../src/compose.ts";
import { createServer } from "../src/server.ts";
import { subgraphs } from "../src/subgraphs.ts";

const ISSUER = "dpp-identity-test";
const KID = "test-key-1";

let db: TestDatabase;
let gatewayUrl: string;
let gatewayBase: string;
let catalogUrl: string;
let inventoryUrl: string;
let supergraphSdl: string;
let jwksUrl: string;
const cleanups: (() => Promise<void>)[] = [];
let signingKey: CryptoKey;
let otherKey: CryptoKey;

const claims = (tenantId: string, companyId: string | null = null): AccessClaims => ({
  userId: "usr_test",
  tenantId,
  companyId,
  roles: ["dealer_admin"],
  permissions: ["orders.send", "stock.view"],
});
const tokenFor = (tenantId: string, opts: { key?: CryptoKey; ttlSeconds?: number; companyId?: string } = {}) =>
  signAccessToken(
    claims(tenantId, opts.companyId ?? null),
    { privateKey: opts.key ?? signingKey, kid: KID },
    { issuer: ISSUER, ttlSeconds: opts.ttlSeconds ?? 300 },
  );
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const product = (id: string, article: string, basePrice: number) => ({
  id,
  article,
  name: `Товар ${article}`,
  brand: null,
  series: null,
  unit: "шт",
  packMultiple: 1,
  minQuantity: 1,
  priceGroup: "A",
  basePrice,
});

beforeAll(async () => {
  db = await createTestDatabase([catalogMigrations, inventoryMigrations]);
  cleanups.push(() => db.drop());

  const adminCatalog = await createCatalog({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedCatalog(adminCatalog.db, [
    {
      id: "ten_a",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [product("prd_a1", "0983", 768200), product("prd_a2", "0984", 100000)],
      discounts: [{ companyId: "cmp_a", priceGroup: "A", percentBp: 1000, validFrom: "2020-01-01", validUntil: null }],
    },
    {
      id: "ten_b",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: false },
      products: [product("prd_b1", "BM63", 28100)],
      discounts: [],
    },
  ]);
  await adminCatalog.stop();
  // Seeding only: this instance never looks an article up in the catalog.
  const adminInventory = await createInventory({
    databaseUrl: db.adminUrl,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    catalogUrl: "http://127.0.0.1:9",
  });
  const wh = (id: string, code: string) => ({ id, code, name: `Склад ${code}`, city: code, address: `${code}, 1` });
  await seedInventory(adminInventory.db, [
    {
      id: "ten_a",
      features: { stockDisplay: { mode: "threshold", threshold: 20 } },
      warehouses: [wh("whs_a_msk", "MSK"), wh("whs_a_spb", "SPB")],
      stock: [
        { productId: "prd_a1", warehouseId: "whs_a_msk", quantity: 25 },
        { productId: "prd_a1", warehouseId: "whs_a_spb", quantity: 3 },
      ],
    },
    {
      id: "ten_b",
      features: { stockDisplay: { mode: "exact" } },
      warehouses: [wh("whs_b_msk", "MSK")],
      stock: [{ productId: "prd_b1", warehouseId: "whs_b_msk", quantity: 999 }],
    },
  ]);
  await adminInventory.stop();

  const startSubgraph = async (server: { app: express.Express; stop: () => Promise<void> }) => {
    const l = await listen(server.app, 0);
    cleanups.push(async () => {
      await l.close();
      await server.stop();
    });
    return `${l.url}/graphql`;
  };
  catalogUrl = await startSubgraph(
    await createCatalog({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET }),
  );
  inventoryUrl = await startSubgraph(
    await createInventory({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET, catalogUrl }),
  );

  // A tiny identity stand-in: only the JWKS with one ES256 public key.
  const pair = await generateKeyPair("ES256");
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair("ES256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: "ES256", use: "sig" };
  const jwksApp = express();
  jwksApp.get("/.well-known/jwks.json", (_req, res) => {
    res.json({ keys: [jwk] });
  });
  const jwks = await listen(jwksApp, 0);
  cleanups.push(() => jwks.close());

  jwksUrl = `${jwks.url}/.well-known/jwks.json`;
  supergraphSdl = composeSupergraph({
    subgraphs: subgraphs.filter((s) => s.name === "catalog" || s.name === "inventory"),
  });
  const gateway = await createServer({
    supergraphSdl,
    subgraphUrls: { catalog: catalogUrl, inventory: inventoryUrl },
    jwksUrl,
    issuer: ISSUER,
    internalTokenSecret: TEST_INTERNAL_SECRET,
  });
  const g = await listen(gateway.app, 0);
  cleanups.push(async () => {
    await g.close();
    await gateway.stop();
  });
  gatewayBase = g.url;
  gatewayUrl = `${g.url}/graphql`;
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const PAGE = `{ products { nodes { id article price { yours { amount } } availableQuantity stock { warehouse { code } quantity display } } } }`;
type Page = {
  products: {
    nodes: {
      id: string;
      article: string;
      price: { yours: { amount: number } };
      availableQuantity: number;
      stock: { warehouse: { code: string }; quantity: number; display: string }[];
    }[];
  };
};

describe("gateway", () => {
  it("serves a dealer's page of products with their price and stock per warehouse (federated)", async () => {
    const res = await postGraphQL<Page>(gatewayUrl, PAGE, {}, bearer(await tokenFor("ten_a", { companyId: "cmp_a" })));
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.data?.products.nodes).toEqual([
      {
        id: "prd_a1",
        article: "0983",
        price: { yours: { amount: 691380 } },
        availableQuantity: 28,
        stock: [
          { warehouse: { code: "MSK" }, quantity: 25, display: "> 20" },
          { warehouse: { code: "SPB" }, quantity: 3, display: "3" },
        ],
      },
      {
        id: "prd_a2",
        article: "0984",
        price: { yours: { amount: 90000 } },
        availableQuantity: 0,
        stock: [
          { warehouse: { code: "MSK" }, quantity: 0, display: "0" },
          { warehouse: { code: "SPB" }, quantity: 0, display: "0" },
        ],
      },
    ]);
  });

  it("treats a request without a token as anonymous: the subgraph refuses it", async () => {
    const res = await postGraphQL(gatewayUrl, PAGE);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]).toMatchObject({
      message: "Authentication required",
      path: ["products"],
      extensions: { code: "UNAUTHENTICATED", serviceName: "catalog" },
    });
    // The subgraph's address and raw response never reach the client.
    expect(JSON.stringify(res.errors)).not.toContain(catalogUrl);
  });

  it("answers 401 to an expired token", async () => {
    const res = await postGraphQL(gatewayUrl, PAGE, {}, bearer(await tokenFor("ten_a", { ttlSeconds: -60 })));
    expect(res.status).toBe(401);
    expect(res.errors).toEqual([
      {
        message: "Access token has expired",
        extensions: { code: "UNAUTHENTICATED", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      },
    ]);
  });

  it("answers 401 to a token signed by another key, or a malformed one", async () => {
    const forged = await postGraphQL(gatewayUrl, PAGE, {}, bearer(await tokenFor("ten_a", { key: otherKey })));
    expect(forged.status).toBe(401);
    expect(forged.errors).toEqual([
      {
        message: "Access token is invalid",
        extensions: { code: "UNAUTHENTICATED", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      },
    ]);
    const garbage = await postGraphQL(gatewayUrl, PAGE, {}, { authorization: "Bearer not-a-jwt" });
    expect(garbage.status).toBe(401);
    const basic = await postGraphQL(gatewayUrl, PAGE, {}, { authorization: "Basic dXNlcjpwYXNz" });
    expect(basic.status).toBe(401);
    const unknownKid = await signAccessToken(
      claims("ten_a"),
      { privateKey: otherKey, kid: "other-kid" },
      {
        issuer: ISSUER,
        ttlSeconds: 300,
      },
    );
    expect((await postGraphQL(gatewayUrl, PAGE, {}, bearer(unknownKid))).status).toBe(401);
    const wrongIssuer = await signAccessToken(
      claims("ten_a"),
      { privateKey: signingKey, kid: KID },
      {
        issuer: "someone-else",
        ttlSeconds: 300,
      },
    );
    expect((await postGraphQL(gatewayUrl, PAGE, {}, bearer(wrongIssuer))).status).toBe(401);
  });

  it("ignores a client-sent internal token: data stays scoped to the bearer's tenant", async () => {
    const forgedProof = await signInternalToken(
      { actor: dealerActor("ten_b"), requestId: "forged-0001" },
      TEST_INTERNAL_SECRET,
    );
    const res = await postGraphQL<Page>(
      gatewayUrl,
      PAGE,
      {},
      {
        ...bearer(await tokenFor("ten_a")),
        [INTERNAL_TOKEN_HEADER]: forgedProof,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.products.nodes.map((n) => n.id)).toEqual(["prd_a1", "prd_a2"]);

    const anonymous = await postGraphQL(gatewayUrl, PAGE, {}, { [INTERNAL_TOKEN_HEADER]: forgedProof });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.data ?? null).toBeNull();
  });

  it("never resolves another tenant's product, even by id", async () => {
    const res = await postGraphQL<{ product: unknown }>(
      gatewayUrl,
      `query($id: ID!) { product(id: $id) { id article stock { quantity } } }`,
      { id: "prd_b1" },
      bearer(await tokenFor("ten_a")),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.product).toBeNull();
  });

  it("returns a request id: the caller's when well-formed, a new one otherwise", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    const kept = await post({ "x-request-id": "req-1234abcd" });
    expect(kept.headers.get("x-request-id")).toBe("req-1234abcd");
    const replaced = await post({ "x-request-id": "bad id\twith spaces" });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await post({});
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a cross-site simple request (CSRF prevention) and reports health", async () => {
    const csrf = await fetch(`${gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`);
    expect(csrf.status).toBe(400);
    const health = await fetch(`${gatewayBase}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", service: "gateway" });
  });
});

describe("gateway in other conditions", () => {
  const start = async (overrides: { jwksUrl?: string; maskErrors?: boolean }) => {
    const gateway = await createServer({
      supergraphSdl,
      subgraphUrls: { catalog: catalogUrl, inventory: inventoryUrl },
      jwksUrl: overrides.jwksUrl ?? jwksUrl,
      issuer: ISSUER,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      maskErrors: overrides.maskErrors,
    });
    const l = await listen(gateway.app, 0);
    return {
      url: `${l.url}/graphql`,
      stop: async () => {
        await l.close();
        await gateway.stop();
      },
    };
  };

  it("answers 503, not 401, when identity's keys cannot be fetched", async () => {
    const closed = await listen(express(), 0);
    await closed.close();
    const g = await start({ jwksUrl: `${closed.url}/.well-known/jwks.json` });
    try {
      const res = await postGraphQL(g.url, PAGE, {}, bearer(await tokenFor("ten_a")));
      expect(res.status).toBe(503);
      expect(res.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await g.stop();
    }
  });

  it("masks errors in production: no stack traces, no introspection", async () => {
    const g = await start({ maskErrors: true });
    try {
      const anonymous = await postGraphQL(g.url, PAGE);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(anonymous.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
      const introspection = await postGraphQL(
        g.url,
        "{ __schema { types { name } } }",
        {},
        bearer(await tokenFor("ten_a")),
      );
      expect(introspection.status).toBe(403);
      expect(introspection.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
      expect(introspection.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    } finally {
      await g.stop();
    }
  });
});
