import { type Actor, verifyAccessToken } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, postGraphQL, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { createLocalJWKSet, type JSONWebKeySet } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedIdentity } from "../src/index.ts";
import { dataset, KEAZ, PASSWORD, WK } from "./fixtures.ts";

let db: TestDatabase;
let base: string;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedIdentity(admin.db, dataset);
  await admin.stop();
  const l = await listen(server.app, 0);
  base = l.url;
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

const ANON: Actor = { kind: "anonymous" };
const SESSION = `... on Session { accessToken accessTokenExpiresAt refreshToken user { id email } tenant { id slug } }
  ... on AuthError { code message }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ${SESSION} } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { __typename ${SESSION} } }`;
const SWITCH = `mutation($slug: String!) { switchTenant(tenantSlug: $slug) { __typename ${SESSION} } }`;

interface SessionOut {
  __typename: "Session" | "AuthError";
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: { id: string; email: string };
  tenant: { id: string; slug: string };
  code: string;
  message: string;
}

async function call<T>(actor: Actor, query: string, variables: Record<string, unknown> = {}) {
  const res = await callSubgraph<T>(url, TEST_INTERNAL_SECRET, actor, query, variables);
  return res;
}

async function login(email: string, password: string, tenantSlug?: string): Promise<SessionOut> {
  const res = await call<{ login: SessionOut }>(ANON, LOGIN, { input: { email, password, tenantSlug } });
  expect(res.errors).toBeUndefined();
  if (!res.data) throw new Error("no data");
  return res.data.login;
}

async function refresh(token: string): Promise<SessionOut> {
  const res = await call<{ refreshSession: SessionOut }>(ANON, REFRESH, { t: token });
  expect(res.errors).toBeUndefined();
  if (!res.data) throw new Error("no data");
  return res.data.refreshSession;
}

async function verify(token: string) {
  const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  return verifyAccessToken(token, createLocalJWKSet(jwks), { issuer: "dpp-identity" });
}

const INVALID = { __typename: "AuthError", code: "INVALID_CREDENTIALS", message: "Неверный e-mail или пароль" };

describe("identity subgraph: access", () => {
  it("refuses /graphql without the gateway's proof", async () => {
    const res = await postGraphQL(url, "{ tenants { id } }");
    expect(res.status).toBe(401);
  });

  it("publishes the public signing key as JWKS", async () => {
    const res = await fetch(`${base}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as JSONWebKeySet;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]?.kid).toEqual(expect.any(String));
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("lists tenants and one tenant by slug to anonymous callers", async () => {
    const res = await call<{
      tenants: { slug: string; name: string; branding: { primary: string } }[];
      tenant: unknown;
    }>(
      ANON,
      `{ tenants { slug name branding { primary onPrimary accent logoSvg } } tenant(slug: "keaz") { id name } missing: tenant(slug: "nope") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.tenants.map((t) => t.slug)).toEqual(["keaz", "wasserkraft"]);
    expect(res.data?.tenants[0]?.branding.primary).toMatch(/^#[0-9a-f]{6}$/i);
    expect(res.data).toMatchObject({ tenant: { id: KEAZ, name: "КЭАЗ" }, missing: null });
  });
});

describe("login", () => {
  it("signs in to the first tenant by slug; the access token verifies against the JWKS", async () => {
    const s = await login(" Multi@Example.ru ", PASSWORD);
    expect(s).toMatchObject({
      __typename: "Session",
      user: { id: "usr_multi", email: "multi@example.ru" },
      tenant: { slug: "keaz" },
    });
    const actor = await verify(s.accessToken);
    expect(actor).toEqual({
      kind: "user",
      userId: "usr_multi",
      tenantId: KEAZ,
      companyId: "cmp_elektro",
      roles: ["dealer_admin"],
      permissions: ["orders.send", "finance.view", "stock.view"],
      // The company's first counterparty by name is active until the dealer picks another.
      counterpartyId: "cpt_2",
    });
    const ttl = (Date.parse(s.accessTokenExpiresAt) - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(890);
    expect(ttl).toBeLessThanOrEqual(900);
    expect(s.refreshToken.startsWith(`${KEAZ}.rtk_`)).toBe(true);
  });

  it("signs in to the requested tenant", async () => {
    const s = await login("multi@example.ru", PASSWORD, "wasserkraft");
    expect(s.tenant.id).toBe(WK);
    expect(await verify(s.accessToken)).toMatchObject({ tenantId: WK, companyId: "cmp_elektro", roles: ["dealer"] });
  });

  it("gives one identical error for a wrong password, an unknown e-mail and a tenant without membership", async () => {
    expect(await login("multi@example.ru", "wrong-password")).toEqual(INVALID);
    expect(await login("nobody@example.ru", PASSWORD)).toEqual(INVALID);
    expect(await login("only.keaz@example.ru", PASSWORD, "wasserkraft")).toEqual(INVALID);
    expect(await login("only.keaz@example.ru", PASSWORD, "no-such-tenant")).toEqual(INVALID);
    expect(await login("multi@example.ru", "")).toEqual(INVALID);
  });
});

describe("refresh tokens", () => {
  it("rotate: the used token is refused afterwards and its reuse ends the whole family", async () => {
    const first = await login("only.keaz@example.ru", PASSWORD);
    const second = await refresh(first.refreshToken);
    expect(second).toMatchObject({ __typename: "Session", user: { id: "usr_keaz" }, tenant: { id: KEAZ } });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await verify(second.accessToken)).toMatchObject({ userId: "usr_keaz", tenantId: KEAZ });

    const reused = await refresh(first.refreshToken);
    expect(reused).toMatchObject({ __typename: "AuthError", code: "SESSION_REVOKED" });
    // The thief's reuse revoked the legitimate successor as well.
    expect(await refresh(second.refreshToken)).toMatchObject({ code: "SESSION_REVOKED" });
  });

  it("a new login is a separate family, untouched by another family's revocation", async () => {
    const a = await login("only.keaz@example.ru", PASSWORD);
    const b = await login("only.keaz@example.ru", PASSWORD);
    await refresh(a.refreshToken);
    await refresh(a.refreshToken); // reuse: family a is revoked
    expect(await refresh(b.refreshToken)).toMatchObject({ __typename: "Session" });
  });

  it("refuses malformed, forged and expired tokens", async () => {
    const s = await login("only.keaz@example.ru", PASSWORD);
    const [tenant, id] = s.refreshToken.split(".");
    expect(await refresh("garbage")).toMatchObject({ code: "INVALID_SESSION" });
    expect(await refresh(`${tenant}.${id}.${"A".repeat(43)}`)).toMatchObject({ code: "INVALID_SESSION" });
    expect(await refresh(`${WK}.${id}.${s.refreshToken.split(".")[2]}`)).toMatchObject({ code: "INVALID_SESSION" });
    const admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin`update identity.refresh_tokens set expires_at = now() - interval '1 second' where id = ${id ?? ""}`;
    } finally {
      await admin.end();
    }
    expect(await refresh(s.refreshToken)).toMatchObject({ code: "SESSION_EXPIRED" });
  });

  it("logout ends the session; an unknown token gives false", async () => {
    const s = await login("only.keaz@example.ru", PASSWORD);
    const out = await call<{ a: boolean; b: boolean }>(
      ANON,
      `mutation($t: String!) { a: logout(refreshToken: $t) b: logout(refreshToken: "nope") }`,
      { t: s.refreshToken },
    );
    expect(out.data).toEqual({ a: true, b: false });
    expect(await refresh(s.refreshToken)).toMatchObject({ code: "SESSION_REVOKED" });
  });
});

describe("switchTenant", () => {
  it("issues a session in another tenant of the signed-in user", async () => {
    const s = await login("multi@example.ru", PASSWORD, "keaz");
    const actor = await verify(s.accessToken);
    const res = await call<{ switchTenant: SessionOut }>(actor, SWITCH, { slug: "wasserkraft" });
    expect(res.data?.switchTenant).toMatchObject({
      __typename: "Session",
      tenant: { id: WK },
      user: { id: "usr_multi" },
    });
    expect(await verify(res.data?.switchTenant.accessToken ?? "")).toMatchObject({ tenantId: WK, roles: ["dealer"] });
    // A new family: the keaz session keeps working.
    expect(await refresh(s.refreshToken)).toMatchObject({ __typename: "Session", tenant: { id: KEAZ } });
  });

  it("refuses a tenant without membership, and anonymous callers", async () => {
    const actor = await verify((await login("only.keaz@example.ru", PASSWORD)).accessToken);
    const res = await call<{ switchTenant: SessionOut }>(actor, SWITCH, { slug: "wasserkraft" });
    expect(res.data?.switchTenant).toEqual({
      __typename: "AuthError",
      code: "NO_ACCESS",
      message: "Нет доступа к этому поставщику",
    });
    const anon = await call(ANON, SWITCH, { slug: "keaz" });
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("selectCounterparty (the header's counterparty switcher)", () => {
  const SELECT = `mutation($r: String!, $c: ID!) { selectCounterparty(refreshToken: $r, counterpartyId: $c) { __typename ${SESSION} } }`;

  it("rotates the session into one for the chosen counterparty, and a refresh keeps the choice", async () => {
    const s = await login("multi@example.ru", PASSWORD, "keaz");
    const actor = await verify(s.accessToken);
    expect(actor).toMatchObject({ counterpartyId: "cpt_2" });
    const res = await call<{ selectCounterparty: SessionOut }>(actor, SELECT, { r: s.refreshToken, c: "cpt_1" });
    const next = res.data?.selectCounterparty;
    expect(next).toMatchObject({ __typename: "Session", tenant: { id: KEAZ } });
    expect(await verify(next?.accessToken ?? "")).toMatchObject({ companyId: "cmp_elektro", counterpartyId: "cpt_1" });
    // The old refresh token was rotated away; the new one keeps cpt_1 through a refresh.
    const again = await refresh(next?.refreshToken ?? "");
    expect(await verify(again.accessToken)).toMatchObject({ counterpartyId: "cpt_1" });
    expect(await refresh(s.refreshToken)).toMatchObject({ code: "SESSION_REVOKED" });
  });

  it("refuses a counterparty of another company and another user's refresh token", async () => {
    const s = await login("multi@example.ru", PASSWORD, "keaz");
    const actor = await verify(s.accessToken);
    const foreign = await call<{ selectCounterparty: SessionOut }>(actor, SELECT, { r: s.refreshToken, c: "cpt_x" });
    expect(foreign.data?.selectCounterparty).toMatchObject({ __typename: "AuthError", code: "NO_ACCESS" });
    const other = await verify((await login("only.keaz@example.ru", PASSWORD)).accessToken);
    const stolen = await call<{ selectCounterparty: SessionOut }>(other, SELECT, { r: s.refreshToken, c: "cpt_1" });
    expect(stolen.data?.selectCounterparty).toMatchObject({ __typename: "AuthError", code: "INVALID_SESSION" });
    // Refusals rotate nothing: the dealer's own token still refreshes.
    expect(await refresh(s.refreshToken)).toMatchObject({ __typename: "Session" });
    const anon = await call(ANON, SELECT, { r: s.refreshToken, c: "cpt_1" });
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
