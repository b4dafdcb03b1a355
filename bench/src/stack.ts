import { readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, withCredentials, withDatabase } from "@dpp/db";
import { migratePlatform, type Platform, seedPlatform, startPlatform } from "@dpp/devstack";
import { buildDemoDataset, type DemoDataset } from "@dpp/seed";
import postgres from "postgres";

export const BENCH_SECRET = "bench-internal-secret-0123456789abcdef";

export interface BenchStack {
  platform: Platform;
  /** Owner (superuser) URL of the bench database: bulk data generation. */
  adminUrl: string;
  /** The services' role (row-level security applies). */
  appUrl: string;
  dataset: DemoDataset;
  stop(): Promise<void>;
}

/** A throw-away embedded PostgreSQL with the demo data and the whole platform on free ports. */
export async function startBenchStack(opts: { pgSettings?: Record<string, string> } = {}): Promise<BenchStack> {
  const dir = await mkdtemp(path.join(tmpdir(), "dpp-bench-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "data"),
    port: await freePort(),
    fast: true,
    settings: opts.pgSettings,
  });
  const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("CREATE DATABASE bench");
  await admin.end();
  const adminUrl = withDatabase(pg.url, "bench");
  const role = { user: "dpp_app", password: "dpp_app_bench_password" };
  await migratePlatform(adminUrl, role);
  const appUrl = withCredentials(adminUrl, role.user, role.password);
  const dataset = buildDemoDataset();
  await seedPlatform(appUrl, dataset);
  const platform = await startPlatform({
    appUrl,
    queueUrl: adminUrl,
    internalTokenSecret: BENCH_SECRET,
    host: "127.0.0.1",
    ports: { gateway: 0, identity: 0, catalog: 0, orders: 0, finance: 0, inventory: 0 },
    mail: { kind: "dev-mailbox", from: "bench <bench@localhost>" },
    supergraphSdl: readFileSync(new URL("../../schema/supergraph.graphql", import.meta.url), "utf8"),
    maskErrors: true,
    // Limiter code still runs per request, but never refuses: benches send thousands a minute.
    gatewayRateLimits: { perTenant: 1e9, perApiKey: 1e9, perAnonymousIp: 1e9 },
  });
  return {
    platform,
    adminUrl,
    appUrl,
    dataset,
    stop: async () => {
      await platform.stop();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
