import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export type Sql = postgres.Sql;

export interface DbOptions {
  /** Pool size; small by default: many services share one server in development. */
  max?: number;
  /** Statement names are per connection; keep prepared statements on (postgres.js default). */
  applicationName?: string;
  /** Called with every statement sent (postgres.js `debug`): tests count queries with it. */
  onQuery?: (query: string) => void;
}

/** One postgres.js pool and a drizzle instance (snake_case columns) over it. */
export function createDb<TSchema extends Record<string, unknown>>(url: string, schema: TSchema, opts: DbOptions = {}) {
  const sql = postgres(url, {
    max: opts.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: opts.applicationName ?? "dpp" },
    ...(opts.onQuery ? { debug: (_conn: number, query: string) => opts.onQuery?.(query) } : {}),
  });
  const db = drizzle(sql, { schema, casing: "snake_case" });
  const applicationName = opts.applicationName ?? "dpp";
  const max = opts.max ?? 10;
  /** This service's connections on the database (every instance's; the query itself is one active). */
  const poolStats = async () => {
    const [row] = await sql<{ active: number; idle: number }[]>`
      select count(*) filter (where state = 'active')::int as active,
             count(*) filter (where state like 'idle%')::int as idle
      from pg_stat_activity where datname = current_database() and application_name = ${applicationName}`;
    return { active: row?.active ?? 0, idle: row?.idle ?? 0, max };
  };
  return { sql, db, poolStats };
}

export type Db<TSchema extends Record<string, unknown>> = ReturnType<typeof createDb<TSchema>>["db"];

/** Same database, another role: how services get their non-owner connection from the admin URL. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** Same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
