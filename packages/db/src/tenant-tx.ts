import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

// biome-ignore lint/suspicious/noExplicitAny: drizzle's generic database over any schema
type AnyDb = PgDatabase<PgQueryResultHKT, any, any>;
type TxOf<D extends AnyDb> = Parameters<Parameters<D["transaction"]>[0]>[0];

/**
 * Runs fn in a transaction scoped to one tenant: `app.tenant_id` is set with set_config(..., true),
 * so it dies with the transaction and never leaks to the next user of a pooled connection.
 * Row-level security policies read it; queries still filter by tenant_id themselves.
 */
export async function withTenant<D extends AnyDb, T>(
  db: D,
  tenantId: string,
  fn: (tx: TxOf<D>) => Promise<T>,
): Promise<T> {
  if (!tenantId) throw new Error("withTenant: tenantId is required");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx as TxOf<D>);
  }) as Promise<T>;
}

/**
 * A transaction scoped to one user across tenants (`app.user_id`): only the policies that
 * allow a user to see their own rows in every tenant (memberships) open up under it.
 */
export async function withUser<D extends AnyDb, T>(db: D, userId: string, fn: (tx: TxOf<D>) => Promise<T>): Promise<T> {
  if (!userId) throw new Error("withUser: userId is required");
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return fn(tx as TxOf<D>);
  }) as Promise<T>;
}
