import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, type JSONWebKeySet } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedIdentity } from "../src/index.ts";
import { dataset, KEAZ, WK } from "./fixtures.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedIdentity(admin.db, dataset);
  await seedIdentity(admin.db, dataset); // idempotent
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

const call = <T>(actor: Actor, query: string) => callSubgraph<T>(url, TEST_INTERNAL_SECRET, actor, query);

async function asApp<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(db.appUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

describe("seed", () => {
  it("stores lower-case e-mails and argon2id hashes, and re-seeding changes nothing", async () => {
    const admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
    const snapshot = () => admin`select id, email, password_hash from identity.users order by email`;
    try {
      const before = await snapshot();
      expect(before.map((u) => u.email)).toEqual(["multi@example.ru", "only.keaz@example.ru", "only.wk@example.ru"]);
      for (const u of before) expect(String(u.password_hash)).toMatch(/^\$argon2id\$/);
      const server = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
      try {
        await seedIdentity(server.db, dataset);
      } finally {
        await server.stop();
      }
      expect(await snapshot()).toEqual(before);
      const [{ count }] = (await admin`select count(*)::int as count from identity.memberships`) as unknown as [
        { count: number },
      ];
      expect(count).toBe(4);
    } finally {
      await admin.end();
    }
  });
});

describe("signing keys", () => {
  const kidOf = async (server: { app: Parameters<typeof listen>[0] }) => {
    const l = await listen(server.app, 0);
    try {
      const { keys } = (await (await fetch(`${l.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      return keys[0]?.kid;
    } finally {
      await l.close();
    }
  };

  it("every instance on one database signs with the same stored key", async () => {
    const a = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
    const b = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
    try {
      const kid = await kidOf(a);
      expect(kid).toEqual(expect.any(String));
      expect(await kidOf(b)).toBe(kid);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it("uses a configured PKCS8 key; kid is its JWK thumbprint", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const server = await createServer({
      databaseUrl: db.appUrl,
      internalTokenSecret: TEST_INTERNAL_SECRET,
      signingKeyPem: await exportPKCS8(privateKey),
    });
    try {
      expect(await kidOf(server)).toBe(await calculateJwkThumbprint(await exportJWK(publicKey)));
    } finally {
      await server.stop();
    }
  });
});

describe("viewer", () => {
  const VIEWER = `{ viewer { user { id fullName } tenant { slug } company { name counterparties { name inn kpp } } roles permissions
    memberships { tenant { slug } company { id } role permissions } } }`;

  it("shows the session and every membership across tenants", async () => {
    const res = await call<{ viewer: unknown }>(dealerActor(KEAZ, "cmp_elektro", "usr_multi"), VIEWER);
    expect(res.errors).toBeUndefined();
    expect(res.data?.viewer).toEqual({
      user: { id: "usr_multi", fullName: "Иванов Иван" },
      tenant: { slug: "keaz" },
      company: {
        name: "Электромир",
        counterparties: [
          { name: "ИП Иванов И. И.", inn: "500100732259", kpp: null },
          { name: "ООО «Электромир»", inn: "7707083893", kpp: "770701001" },
        ],
      },
      roles: ["dealer_admin"],
      permissions: ["orders.send", "finance.view", "stock.view"],
      memberships: [
        {
          tenant: { slug: "keaz" },
          company: { id: "cmp_elektro" },
          role: "dealer_admin",
          permissions: ["orders.send", "finance.view", "stock.view"],
        },
        {
          tenant: { slug: "wasserkraft" },
          company: { id: "cmp_elektro" },
          role: "dealer",
          permissions: ["orders.send"],
        },
      ],
    });
  });

  it("is null for anonymous and service callers", async () => {
    const anon = await call<{ viewer: unknown }>({ kind: "anonymous" }, "{ viewer { user { id } } }");
    expect(anon.data).toEqual({ viewer: null });
    const svc = await call<{ viewer: unknown }>(
      { kind: "service", service: "orders", tenantId: KEAZ },
      "{ viewer { user { id } } }",
    );
    expect(svc.data).toEqual({ viewer: null });
  });
});

describe("_entities", () => {
  const ENTITIES = `{ _entities(representations: [
    { __typename: "Tenant", id: "${WK}" },
    { __typename: "User", id: "usr_keaz" },
    { __typename: "User", id: "usr_wk" },
    { __typename: "DealerCompany", id: "cmp_elektro" },
    { __typename: "DealerCompany", id: "cmp_santeh" },
    { __typename: "Tenant", id: "ten_missing" }
  ]) { __typename ... on Tenant { slug } ... on User { email } ... on DealerCompany { name } } }`;

  it("resolves Tenant for anyone, User and DealerCompany only within the caller's tenant", async () => {
    const res = await call<{ _entities: unknown[] }>(dealerActor(KEAZ, "cmp_elektro", "usr_multi"), ENTITIES);
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { __typename: "Tenant", slug: "wasserkraft" },
      { __typename: "User", email: "only.keaz@example.ru" },
      null,
      { __typename: "DealerCompany", name: "Электромир" },
      null,
      null,
    ]);
  });

  it("gives anonymous callers tenants only", async () => {
    const res = await call<{ _entities: unknown[] }>({ kind: "anonymous" }, ENTITIES);
    expect(res.data?._entities).toEqual([{ __typename: "Tenant", slug: "wasserkraft" }, null, null, null, null, null]);
  });
});

describe("row-level security on memberships", () => {
  it("the app role sees only tenant A's memberships inside withTenant(A)", async () => {
    const rows = await asApp((sql) =>
      sql.begin(async (tx) => {
        await tx`select set_config('app.tenant_id', ${WK}, true)`;
        return tx`select tenant_id, id from identity.memberships order by id`;
      }),
    );
    expect(rows.map((r) => [r.tenant_id, r.id])).toEqual([
      [WK, "mem_2"],
      [WK, "mem_4"],
    ]);
  });

  it("a user scope sees that user's memberships in every tenant, nothing else", async () => {
    const rows = await asApp((sql) =>
      sql.begin(async (tx) => {
        await tx`select set_config('app.user_id', 'usr_multi', true)`;
        return tx`select id from identity.memberships order by id`;
      }),
    );
    expect(rows.map((r) => r.id)).toEqual(["mem_1", "mem_2"]);
  });

  it("outside any scope nothing is visible and nothing can be written", async () => {
    await asApp(async (sql) => {
      const [{ count }] = (await sql`select count(*)::int as count from identity.memberships`) as unknown as [
        { count: number },
      ];
      expect(count).toBe(0);
      const [{ tokens }] = (await sql`select count(*)::int as tokens from identity.refresh_tokens`) as unknown as [
        { tokens: number },
      ];
      expect(tokens).toBe(0);
      const flags = await sql`select relname, relrowsecurity, relforcerowsecurity from pg_class
        where oid in ('identity.memberships'::regclass, 'identity.refresh_tokens'::regclass) order by relname`;
      expect(flags.map((f) => [f.relname, f.relrowsecurity, f.relforcerowsecurity])).toEqual([
        ["memberships", true, true],
        ["refresh_tokens", true, true],
      ]);
      await expect(
        sql.begin(async (tx) => {
          await tx`select set_config('app.user_id', 'usr_keaz', true)`;
          await tx`insert into identity.memberships (tenant_id, id, user_id, role) values (${WK}, 'mem_x', 'usr_keaz', 'tenant_admin')`;
        }),
      ).rejects.toThrow(/row-level security/);
    });
  });
});
