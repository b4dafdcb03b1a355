import { randomBytes } from "node:crypto";
import { type AppRole, migrateAll, type SchemaMigrations, withCredentials, withDatabase } from "@dpp/db";
import { installJobQueue } from "@dpp/worker";
import postgres from "postgres";
import { inject } from "vitest";

export const TEST_APP_ROLE: AppRole = { user: "dpp_app", password: "dpp_app_test_password" };

export interface TestDatabase {
  name: string;
  /** Owner/superuser URL: migrations and fixtures. */
  adminUrl: string;
  /** The services' role: no BYPASSRLS, owns nothing. */
  appUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, migrated with the given subgraphs' migrations.
 * Tests never see each other's rows.
 */
export async function createTestDatabase(migrations: SchemaMigrations[]): Promise<TestDatabase> {
  const serverUrl = inject("adminUrl");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const adminUrl = withDatabase(serverUrl, name);
  await installJobQueue(adminUrl);
  await migrateAll(adminUrl, migrations, TEST_APP_ROLE);
  return {
    name,
    adminUrl,
    appUrl: withCredentials(adminUrl, TEST_APP_ROLE.user, TEST_APP_ROLE.password),
    drop: async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
