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
  return { sql, db };
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
