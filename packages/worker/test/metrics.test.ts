import { fileURLToPath } from "node:url";
import { createDb, withTenant } from "@dpp/db";
import { createTestDatabase, type TestDatabase } from "@dpp/testkit";
import { sql as q } from "drizzle-orm";
import { Logger } from "graphile-worker";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type HealthServer, type OutboxHandlers, startHealthServer, startWorker, type Worker } from "../src/index.ts";

/** The worker's /metrics: jobs by task and outcome, their duration, and the outbox lag per topic. */
const testEvents = { schema: "test_events", folder: fileURLToPath(new URL("./fixtures/migrations", import.meta.url)) };
let db: TestDatabase;
let worker: Worker;
let health: HealthServer;
let app: ReturnType<typeof createDb<Record<string, never>>>;
const handled: string[] = [];
const handlers: OutboxHandlers = {
  "test.ping": async (event) => {
    handled.push(event.id);
  },
};

beforeAll(async () => {
  db = await createTestDatabase([testEvents]);
  app = createDb<Record<string, never>>(db.appUrl, {}, { max: 2 });
  worker = await startWorker({
    databaseUrl: db.appUrl,
    queueDatabaseUrl: db.adminUrl,
    mailer: { send: async () => {}, close: () => {} } as never,
    directory: { userById: async () => null },
    pollInterval: 200,
    outboxSchemas: ["test_events"],
    handlers,
    logger: new Logger(() => () => {}),
  });
  health = await startHealthServer(() => worker.health(), 0, "127.0.0.1", worker.metrics.registry);
});

afterAll(async () => {
  await health?.close();
  await worker?.stop();
  await app?.sql.end({ timeout: 5 });
  await db?.drop();
});

it("counts outbox jobs and their lag on /metrics", async () => {
  await withTenant(app.db, "ten_a", (tx) =>
    tx.execute(
      q`insert into test_events.outbox (tenant_id, id, topic, payload) values ('ten_a', 'evt_m1', 'test.ping', '{}'::jsonb)`,
    ),
  );
  await expect.poll(() => handled, { timeout: 10_000 }).toEqual(["evt_m1"]);
  await expect
    .poll(async () => (await fetch(`${health.url}/metrics`)).text(), { timeout: 5_000 })
    .toMatch(/worker_jobs_total\{task="outbox",outcome="success",service="worker"\} 1/);
  const text = await (await fetch(`${health.url}/metrics`)).text();
  expect(text).toMatch(/worker_job_duration_seconds_count\{[^}]*task="outbox",outcome="success"\} 1/);
  expect(text).toMatch(/outbox_lag_seconds_count\{[^}]*topic="test.ping"\} 1/);
  expect((await fetch(`${health.url}/health`)).status).toBe(200);
});

it("reports the queue's depth by state, read from the queue at each scrape", async () => {
  const admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select graphile_worker.add_job('outbox', '{}'::json, run_at := now() + interval '1 hour')`;
  } finally {
    await admin.end();
  }
  const text = await (await fetch(`${health.url}/metrics`)).text();
  expect(text).toMatch(/worker_queue_jobs\{state="scheduled",service="worker"\} 1/);
  expect(text).toMatch(/worker_queue_jobs\{state="failed",service="worker"\} 0/);
});
