import { readFileSync } from "node:fs";
import { type Actor, INTERNAL_TOKEN_HEADER, signInternalToken } from "@dpp/auth";
import { listen } from "@dpp/server";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import express from "express";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayClientFactory } from "../../portal/server/gateway.ts";
import { createServer, type GatewayDeps } from "../src/server.ts";
import { CLIENT_HEADER, loadManifest, sha256Hex, signClientRequest } from "../src/trusted-documents.ts";

const SUPERGRAPH = readFileSync(new URL("../../schema/supergraph.graphql", import.meta.url), "utf8");
const MANIFEST = loadManifest(new URL("../../schema/operations/portal.json", import.meta.url).pathname);

let stack: Stack;
let dealerToken: string;
let managerToken: string;
const stops: (() => Promise<void>)[] = [];
const logLines: Record<string, unknown>[] = [];

const subgraphUrls = () =>
  Object.fromEntries(
    (["identity", "catalog", "orders", "finance", "inventory"] as const).map((n) => [n, `${stack.urls[n]}/graphql`]),
  );

/** A gateway on the stack's subgraphs with its own options (production-like unless told). */
async function gateway(overrides: Partial<GatewayDeps> = {}) {
  const server = await createServer({
    supergraphSdl: SUPERGRAPH,
    subgraphUrls: subgraphUrls(),
    jwksUrl: `${stack.urls.identity}/.well-known/jwks.json`,
    issuer: "dpp-identity",
    internalTokenSecret: stack.internalTokenSecret,
    maskErrors: true,
    logger: pino({ level: "info" }, { write: (line: string) => logLines.push(JSON.parse(line)) }),
    ...overrides,
  });
  const l = await listen(server.app, 0);
  stops.push(async () => {
    await l.close();
    await server.stop();
  });
  return { url: `${l.url}/graphql`, base: l.url };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function login(email: string): Promise<string> {
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }`,
    { input: { email, password: "Demo-2026", tenantSlug: "keaz" } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}

const PRODUCTS = `query Products { products(first: 5) { nodes { id article price { yours { amount } } stock { quantity } } } }`;

beforeAll(async () => {
  stack = await startStack();
  dealerToken = await login("dealer@keaz.demo");
  managerToken = await login("manager@keaz.demo");
});

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await stack?.stop();
});

describe("operation limits", () => {
  it("refuses an operation deeper than the limit with MAX_DEPTH_LIMIT", async () => {
    const g = await gateway({ limits: { maxDepth: 3 } });
    const res = await postGraphQL(g.url, PRODUCTS, {}, bearer(dealerToken));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toBe("Операция слишком глубокая: 5 уровней при пределе 3.");
    expect(res.errors?.[0]?.extensions?.code).toBe("MAX_DEPTH_LIMIT");
    expect(res.data).toBeUndefined();
  });

  it("refuses an operation costlier than the limit with COST_ESTIMATED_TOO_EXPENSIVE", async () => {
    const g = await gateway({ limits: { maxCost: 20 } });
    const res = await postGraphQL(g.url, PRODUCTS, {}, bearer(dealerToken));
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("COST_ESTIMATED_TOO_EXPENSIVE");
    expect(res.errors?.[0]?.message).toMatch(/^Операция слишком дорогая: оценка \d+ при пределе 20\./);
  });

  it("refuses too many aliases, too many tokens, too big a batch and too big a body (default limits)", async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `t${i}: tenants { id }`).join(" ")} }`;
    const a = await postGraphQL(stack.gatewayUrl, aliases);
    expect(a.status).toBe(400);
    expect(a.errors?.[0]).toMatchObject({
      message: "Слишком много псевдонимов (alias): 16 при пределе 15.",
      extensions: { code: "MAX_ALIASES_LIMIT" },
    });
    const ok = await postGraphQL(
      stack.gatewayUrl,
      `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: __typename`).join(" ")} }`,
    );
    expect(ok.errors).toBeUndefined();

    const tokens = await postGraphQL(stack.gatewayUrl, `{ ${"__typename ".repeat(3000)} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]?.extensions?.code).toBe("MAX_TOKENS_LIMIT");

    const post = (body: unknown) =>
      fetch(stack.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const batch = await post(Array.from({ length: 11 }, () => ({ query: "{ __typename }" })));
    expect(batch.status).toBe(400);
    expect(((await batch.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "BATCH_LIMIT_EXCEEDED",
    );
    const smallBatch = await post([{ query: "{ a: __typename }" }, { query: "{ b: __typename }" }]);
    expect(await smallBatch.json()).toEqual([{ data: { a: "Query" } }, { data: { b: "Query" } }]);

    const big = await post({ query: "{ __typename }", variables: { pad: "x".repeat(2100 * 1024) } });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
  });

  it("lets every persisted portal operation through the default limits", async () => {
    for (const op of Object.values(MANIFEST.operations)) {
      const res = await postGraphQL(stack.gatewayUrl, op.body, {}, bearer(dealerToken));
      const codes = (res.errors ?? []).map((e) => e.extensions?.code);
      expect(
        codes.filter((c) => /LIMIT|EXPENSIVE/.test(String(c))),
        op.name,
      ).toEqual([]);
    }
  });
});

describe("introspection, CSRF, masking", () => {
  it("turns introspection off in production except for staff or the flag", async () => {
    const g = await gateway();
    const q = "{ __schema { queryType { name } } }";
    const dealer = await postGraphQL(g.url, q, {}, bearer(dealerToken));
    expect(dealer.status).toBe(403);
    expect(dealer.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    const anonymous = await postGraphQL(g.url, `query { ...F } fragment F on Query { __type(name: "Order") { name } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("INTROSPECTION_DISABLED");
    const manager = await postGraphQL(g.url, q, {}, bearer(managerToken));
    expect(manager.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    const flagged = await gateway({ introspection: true });
    expect((await postGraphQL(flagged.url, q)).data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("blocks a CSRF-style simple request (GET or text/plain without a preflight header)", async () => {
    const get = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`);
    expect(get.status).toBe(400);
    const form = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/CSRF/);
  });

  it("masks an internal failure, gives its request id and logs the cause under that id", async () => {
    const closed = await listen(express(), 0);
    await closed.close();
    const g = await gateway({ subgraphUrls: { ...subgraphUrls(), catalog: `${closed.url}/graphql` } });
    const res = await postGraphQL(g.url, PRODUCTS, {}, { ...bearer(dealerToken), "x-request-id": "req-mask-0001" });
    const error = res.errors?.[0];
    expect(error?.message).toBe("Internal server error");
    expect(error?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "req-mask-0001" });
    expect(JSON.stringify(res)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.ts/);
    const line = logLines.find((l) => l.requestId === "req-mask-0001" && l.level === 50);
    expect(JSON.stringify(line)).toMatch(/ECONNREFUSED|fetch failed/);
  });
});

describe("identity and trust", () => {
  it("ignores forged identity headers: the bearer's tenant decides", async () => {
    const forged = await signInternalToken(
      { actor: { kind: "service", service: "x", tenantId: null } as Actor, requestId: "forged-0001" },
      "not-the-secret-not-the-secret-0123",
    );
    const res = await postGraphQL<{ products: { nodes: { id: string }[] } }>(
      stack.gatewayUrl,
      PRODUCTS,
      {},
      {
        ...bearer(dealerToken),
        [INTERNAL_TOKEN_HEADER]: forged,
        "x-tenant-id": stack.dataset.tenants[0]?.id ?? "ten_x",
        "x-forwarded-user": "usr_admin",
      },
    );
    expect(res.errors).toBeUndefined();
    const keaz = stack.dataset.tenants.find((t) => t.id === "ten_keaz");
    expect(res.data?.products.nodes.length).toBeGreaterThan(0);
    expect(res.data?.products.nodes.every((n) => keaz?.products.some((p) => p.id === n.id))).toBe(true);
  });

  it("refuses a direct subgraph call without the gateway's signed token", async () => {
    for (const name of ["catalog", "orders", "identity"] as const) {
      const res = await postGraphQL(`${stack.urls[name]}/graphql`, "{ __typename }");
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("trusted documents", () => {
  it("runs the portal's persisted operations and refuses an unknown one from a browser session", async () => {
    const g = await gateway({ persistedDocuments: { manifest: MANIFEST, mode: "enforce" } });
    // The portal's own client (portal/server/gateway.ts) sends hashes; the gateway runs the manifest's text.
    const viewer = Object.values(MANIFEST.operations).find((o) => o.name === "PortalViewer");
    if (!viewer) throw new Error("PortalViewer is not persisted");
    const ok = await createGatewayClientFactory(g.url)(dealerToken).query(viewer.body, {}).toPromise();
    expect(ok.error).toBeUndefined();
    expect(ok.data?.viewer.user.email).toBe("dealer@keaz.demo");

    const evil = "{ viewer { user { email } } }";
    const res = await postGraphQL(g.url, evil, {}, { ...bearer(dealerToken), [CLIENT_HEADER]: "portal" });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_IN_LIST");
    const withHash = await fetch(g.url, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "portal", ...bearer(dealerToken) },
      body: JSON.stringify({
        query: evil,
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(evil) } },
      }),
    });
    expect(withHash.status).toBe(400);
    // Without the portal mark (an API client) the same operation runs, within limits.
    expect((await postGraphQL(g.url, evil, {}, bearer(dealerToken))).errors).toBeUndefined();
  });

  it("requires the BFF's signature on a portal claim when a client secret is configured", async () => {
    const secret = "portal-client-secret-0123456789abcdef";
    const g = await gateway({ persistedDocuments: { manifest: MANIFEST, mode: "enforce", clientSecret: secret } });
    const [hash, op] = Object.entries(MANIFEST.operations).find(([, o]) => o.name === "PortalTenants") ?? [];
    if (!hash || !op) throw new Error("PortalTenants is not persisted");
    const send = (headers: Record<string, string>) =>
      fetch(g.url, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "portal", ...headers },
        body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
    const unsigned = await send({});
    expect(unsigned.status).toBe(401);
    const stale = await send({ "x-dpp-client-signature": signClientRequest(secret, hash, Date.now() - 3600_000) });
    expect(stale.status).toBe(401);
    const signed = await send({ "x-dpp-client-signature": signClientRequest(secret, hash) });
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as { data: { tenants: unknown[] } }).data.tenants.length).toBe(5);
    const portal = await createGatewayClientFactory(g.url, { clientSecret: secret })().query(op.body, {}).toPromise();
    expect(portal.error).toBeUndefined();
  });
});

describe("rate limits and observability", () => {
  it("answers 429 with Retry-After once a tenant spends its budget", async () => {
    const g = await gateway({ rateLimits: { perTenant: 3, windowSeconds: 60 } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(g.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(dealerToken) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await last?.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0]?.message).toMatch(/^Превышен предел запросов для поставщика: 3 за 60 с\./);
  });

  it("exposes /metrics and carries the W3C trace to subgraphs", async () => {
    const seen: (string | undefined)[] = [];
    const proxy = express();
    proxy.use(express.raw({ type: "*/*" }), async (req, res) => {
      seen.push(req.header("traceparent"));
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "host")) as Record<
        string,
        string
      >;
      const upstream = await fetch(`${stack.urls.catalog}/graphql`, { method: "POST", headers, body: req.body });
      res
        .status(upstream.status)
        .type("application/json")
        .send(await upstream.text());
    });
    const p = await listen(proxy, 0);
    stops.push(() => p.close());
    const g = await gateway({ subgraphUrls: { ...subgraphUrls(), catalog: `${p.url}/graphql` } });
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await postGraphQL(
      g.url,
      PRODUCTS,
      {},
      {
        ...bearer(dealerToken),
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(seen[0]).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const metrics = await (await fetch(`${g.base}/metrics`)).text();
    expect(metrics).toMatch(
      /graphql_operation_duration_seconds_count\{operation="Products",type="query",outcome="ok"\} 1/,
    );
    expect(metrics).toMatch(/subgraph_fetch_duration_seconds_count\{subgraph="catalog",status="200"\} 1/);
  });
});
