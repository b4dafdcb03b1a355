import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export interface SchemaMigrations {
  /** PostgreSQL schema owned by one subgraph, e.g. "catalog". */
  schema: string;
  /** Folder written by drizzle-kit (SQL files + meta/_journal.json). */
  folder: string;
}

export interface AppRole {
  user: string;
  password: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

function literal(value: string): string {
  if (/[\0\r\n]/.test(value)) throw new Error("unsafe SQL literal");
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The role every service connects as: LOGIN, no SUPERUSER, no BYPASSRLS, owns nothing, so
 * row-level security applies to it. Roles are cluster-wide; concurrent creators are tolerated.
 */
export async function ensureAppRole(admin: postgres.Sql, role: AppRole): Promise<void> {
  const stmt = `CREATE ROLE ${ident(role.user)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${literal(role.password)}`;
  const [exists] = await admin`select 1 from pg_roles where rolname = ${role.user}`;
  if (exists) {
    await admin.unsafe(
      `ALTER ROLE ${ident(role.user)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal(role.password)}`,
    );
    return;
  }
  try {
    await admin.unsafe(stmt);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "42710" && code !== "23505") throw error; // created concurrently by another migrator
  }
}

/**
 * Turns on row-level security with FORCE for every table in the schema that has a tenant_id
 * column, and adds the default policy (rows of the transaction's `app.tenant_id`) to those that
 * declare no policy of their own. Run after migrations, so no tenant table is ever forgotten.
 */
export async function applyTenantPolicies(admin: postgres.Sql, schema: string): Promise<string[]> {
  const tables = await admin<{ table_name: string; policies: number }[]>`
    select c.table_name, (select count(*)::int from pg_policies p where p.schemaname = c.table_schema and p.tablename = c.table_name) as policies
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = ${schema} and c.column_name = 'tenant_id'`;
  for (const { table_name, policies } of tables) {
    const qualified = `${ident(schema)}.${ident(table_name)}`;
    await admin.unsafe(`ALTER TABLE ${qualified} ENABLE ROW LEVEL SECURITY`);
    await admin.unsafe(`ALTER TABLE ${qualified} FORCE ROW LEVEL SECURITY`);
    if (policies === 0) {
      await admin.unsafe(
        `CREATE POLICY tenant_isolation ON ${qualified} USING (tenant_id = current_setting('app.tenant_id', true)) WITH CHECK (tenant_id = current_setting('app.tenant_id', true))`,
      );
    }
  }
  return tables.map((t) => t.table_name);
}

async function grantSchema(admin: postgres.Sql, schema: string, role: string): Promise<void> {
  const s = ident(schema);
  const r = ident(role);
  await admin.unsafe(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
  await admin.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
  await admin.unsafe(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
  await admin.unsafe(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
}

/**
 * Applies each subgraph's checked-in migrations into its own schema (with its own migrations
 * table), then grants the app role and turns on tenant row-level security.
 */
export async function migrateAll(adminUrl: string, sets: SchemaMigrations[], role: AppRole): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await ensureAppRole(admin, role);
    const db = drizzle(admin);
    for (const set of sets) {
      // Each subgraph's journal is its own table in the shared "migrations" schema.
      await migrate(db, { migrationsFolder: set.folder, migrationsSchema: "migrations", migrationsTable: set.schema });
      await applyTenantPolicies(admin, set.schema);
      await grantSchema(admin, set.schema, role.user);
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
