import { type EmbeddedServer, startEmbeddedPostgres, withCredentials, withDatabase } from "@dpp/db";
import postgres from "postgres";
import type { DevstackConfig } from "./config.ts";

export const DEV_DATABASE = "dealer_portal";

export interface DevDatabase {
  adminUrl: string;
  appUrl: string;
  embedded: EmbeddedServer | null;
}

/**
 * The external server from DATABASE_URL, or the embedded one under .data/pg, with the
 * platform's database created if missing. Fails with one readable line.
 */
export async function openDevDatabase(config: DevstackConfig, appPassword: string): Promise<DevDatabase> {
  let embedded: EmbeddedServer | null = null;
  let adminUrl: string;
  if (config.database.kind === "embedded") {
    embedded = await startEmbeddedPostgres({ dataDir: config.database.dataDir, port: config.database.port });
    adminUrl = withDatabase(embedded.url, DEV_DATABASE);
    await createDatabaseIfMissing(embedded.url, DEV_DATABASE);
  } else {
    adminUrl = config.database.adminUrl;
    const probe = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
    try {
      await probe`select 1`;
    } catch (error) {
      throw new Error(`cannot use DATABASE_URL (${redact(adminUrl)}): ${describe(error)}`);
    } finally {
      await probe.end({ timeout: 1 }).catch(() => {});
    }
  }
  return { adminUrl, appUrl: withCredentials(adminUrl, config.appRole.user, appPassword), embedded };
}

async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!exists) await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(not a URL)";
  }
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === "ECONNREFUSED") return "connection refused";
  if (e.code === "ENOTFOUND") return "host not found";
  if (e.code === "28P01") return "password authentication failed";
  if (e.code === "3D000") return "database does not exist";
  if (e.code === "CONNECT_TIMEOUT") return "connection timed out";
  return e.message ?? String(error);
}
