import { buildDemoDataset, demoTenant } from "@dpp/seed";
import { createTestDatabase, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../src/platform.ts";
import { seedPlatform } from "../src/seed.ts";

/**
 * Structural guarantees of tenancy over every schema the platform migrates: what a reviewer
 * would otherwise check table by table.
 */
let db: TestDatabase;
let sql: postgres.Sql;
const schemas = platformMigrations.map((m) => m.schema);

beforeAll(async () => {
  db = await createTestDatabase(platformMigrations);
  sql = postgres(db.adminUrl, { max: 2, onnotice: () => {} });
});

afterAll(async () => {
  await sql?.end();
  await db?.drop();
});

async function tenantTables() {
  return sql<{ schema: string; table: string; rls: boolean; force: boolean }[]>`
    select n.nspname as schema, c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as force
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = any(${schemas})
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
    order by 1, 2`;
}

describe("tenancy in the database", () => {
  it("every tenant table has row-level security, forced", async () => {
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => !t.rls || !t.force)).toEqual([]);
  });

  it("every tenant table's primary key starts with tenant_id", async () => {
    const rows = await sql<{ table: string; first: string | null }[]>`
      select n.nspname || '.' || c.relname as table,
        (select a.attname from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
          where k.conrelid = c.oid and k.contype = 'p') as first
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname = any(${schemas})
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')`;
    expect(rows.filter((r) => r.first !== "tenant_id")).toEqual([]);
  });

  it("every foreign key between tenant tables includes tenant_id on both sides", async () => {
    const fks = await sql<{ name: string; cols: string[]; refcols: string[]; reftenant: boolean }[]>`
      select k.conname as name,
        array(select a.attname::text from unnest(k.conkey) u join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u) as cols,
        array(select a.attname::text from unnest(k.confkey) u join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u) as refcols,
        exists (select 1 from pg_attribute a where a.attrelid = k.confrelid and a.attname = 'tenant_id') as reftenant
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = any(${schemas})
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')`;
    const broken = fks.filter(
      (f) => f.reftenant && (!f.cols.includes("tenant_id") || !f.refcols.includes("tenant_id")),
    );
    expect(broken).toEqual([]);
  });

  it("the services' role cannot bypass row-level security and owns nothing", async () => {
    const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }[]>`
      select r.rolsuper, r.rolbypassrls,
        (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
      from pg_roles r where r.rolname = 'dpp_app'`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("seeding twice is idempotent and every tenant's rows are visible only inside its own scope", async () => {
    const data = buildDemoDataset();
    await seedPlatform(db.appUrl, data);
    await seedPlatform(db.appUrl, data);
    const [{ n }] = (await sql`select count(*)::int as n from catalog.products`) as unknown as [{ n: number }];
    expect(n).toBe(data.tenants.reduce((s, t) => s + t.products.length, 0));

    const app = postgres(db.appUrl, { max: 1, onnotice: () => {} });
    try {
      const keaz = demoTenant(data, "keaz");
      const scoped = await app.begin(async (tx) => {
        await tx`select set_config('app.tenant_id', ${keaz?.id ?? ""}, true)`;
        return tx<{ tenant_id: string }[]>`select distinct tenant_id from catalog.products`;
      });
      expect(scoped.map((r) => r.tenant_id)).toEqual([keaz?.id]);
      const [{ n: unscoped }] = (await app`select count(*)::int as n from catalog.products`) as unknown as [
        { n: number },
      ];
      expect(unscoped).toBe(0);
    } finally {
      await app.end();
    }
  });
});
