import { fileURLToPath } from "node:url";
import { createDb, withTenant } from "@dpp/db";
import { createMailer, mailMigrations } from "@dpp/mail";
import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { createTestDatabase, type TestDatabase } from "@dpp/testkit";
import { sql as q } from "drizzle-orm";
import { Logger } from "graphile-worker";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type OutboxHandlers,
  type OutboxProcessorDeps,
  outboxHandlers,
  processOutboxEvent,
  startWorker,
  type UserDirectory,
  type Worker,
  type WorkerDb,
} from "../src/index.ts";

const testEventsMigrations = {
  schema: "test_events",
  folder: fileURLToPath(new URL("./fixtures/migrations", import.meta.url)),
};
const SCHEMAS = ["test_events"];
const TENANT = "ten_keaz";
const OTHER_TENANT = "ten_other";

/** Stands in for the identity subgraph (the federated test covers the real lookup). */
const directory: UserDirectory = {
  async userById(tenantId, userId) {
    return tenantId === TENANT && userId === "usr_ivan"
      ? { email: "ivan@dealer.example.ru", fullName: "Иван Петрович" }
      : null;
  },
};

/** Collects the worker's log lines; an error line in a test that expects none fails it. */
const logs: { level: string; message: string }[] = [];
const logger = new Logger(() => (level, message) => {
  logs.push({ level, message });
});

const orderPayload = (number: string) => ({
  orderId: `ord_${number}`,
  number,
  userId: "usr_ivan",
  companyId: "cmp_1",
  statusCode: "new",
  statusLabel: "Новый",
  total: { amount: 3841000, currency: "RUB" },
  lines: [{ productId: "prd_1" }, { productId: "prd_2" }, { productId: "prd_3" }],
});

let db: TestDatabase;
let smtp: TestSmtpServer;
let worker: Worker;
let admin: postgres.Sql;
let app: ReturnType<typeof createDb<Record<string, never>>>;
let mailer: ReturnType<typeof createMailer>;

beforeAll(async () => {
  db = await createTestDatabase([mailMigrations, testEventsMigrations]);
  smtp = await startTestSmtpServer();
  mailer = createMailer({ kind: "smtp", url: smtp.url, from: "Портал <no-reply@dealer-portal.local>" });
  admin = postgres(db.adminUrl, { max: 2, onnotice: () => {} });
  app = createDb<Record<string, never>>(db.appUrl, {}, { max: 2 });
  worker = await startWorker({
    databaseUrl: db.appUrl,
    queueDatabaseUrl: db.adminUrl,
    mailer,
    directory,
    concurrency: 2,
    pollInterval: 200,
    outboxSchemas: SCHEMAS,
    logger,
  });
});

afterAll(async () => {
  await worker?.stop();
  mailer?.close();
  await app?.sql.end({ timeout: 5 });
  await admin?.end({ timeout: 5 });
  await smtp?.close();
  await db?.drop();
});

/** Inserts an event the way a subgraph does: as the app role, inside its tenant's transaction. */
async function emit(tenantId: string, id: string, topic: string, payload: unknown) {
  await withTenant(app.db, tenantId, async (tx) => {
    await tx.execute(
      q`insert into test_events.outbox (tenant_id, id, topic, payload) values (${tenantId}, ${id}, ${topic}, ${JSON.stringify(payload)}::jsonb)`,
    );
  });
}

async function processedAt(tenantId: string, id: string): Promise<Date | null | undefined> {
  const [row] = await admin<{ processed_at: Date | null }[]>`
    select processed_at from test_events.outbox where tenant_id = ${tenantId} and id = ${id}`;
  return row?.processed_at;
}

async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms (last value: ${String(v)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every queued outbox job has run (graphile-worker deletes a job once it succeeds). */
const queueDrained = () =>
  eventually(
    async () => (await admin<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs`)[0]?.n ?? -1,
    (n) => n === 0,
  );

const deps = (handlers: OutboxHandlers = outboxHandlers): OutboxProcessorDeps => ({
  db: app.db as WorkerDb,
  schemas: SCHEMAS,
  handlers,
  mailer,
  directory,
  logger,
});

describe("outbox worker", () => {
  it("mails the dealer once when an order is submitted and marks the event processed", async () => {
    await emit(TENANT, "evt_1", "order.submitted", orderPayload("42"));

    const [mail] = await smtp.waitForMessages(1);
    expect(mail?.envelope.to).toEqual(["ivan@dealer.example.ru"]);
    expect(mail?.subject).toBe("Заказ № 42 принят");
    const text = mail?.text.replace(/[\u00a0\u202f]/g, " ");
    expect(text).toContain("Здравствуйте, Иван Петрович!");
    expect(text).toContain("Статус: Новый");
    expect(text).toContain("Сумма: 38 410,00 ₽");
    expect(text).toContain("В заказе 3 позиции.");

    expect(
      await eventually(
        () => processedAt(TENANT, "evt_1"),
        (v) => v instanceof Date,
      ),
    ).toBeInstanceOf(Date);
    await queueDrained();
    expect(smtp.messages).toHaveLength(1);
  });

  it("does not mail twice when the job runs again", async () => {
    const before = await processedAt(TENANT, "evt_1");
    await admin`select graphile_worker.add_job('outbox', json_build_object('schema', 'test_events', 'tenantId', ${TENANT}::text, 'id', 'evt_1'))`;
    await queueDrained();
    expect(smtp.messages).toHaveLength(1);
    expect(await processedAt(TENANT, "evt_1")).toEqual(before);
    expect(await processOutboxEvent(deps(), { schema: "test_events", tenantId: TENANT, id: "evt_1" })).toBe(
      "already-processed",
    );
  });

  it("marks an unknown topic processed with a warning and sends nothing", async () => {
    await emit(TENANT, "evt_unknown", "order.teleported", { orderId: "ord_1" });
    expect(
      await eventually(
        () => processedAt(TENANT, "evt_unknown"),
        (v) => v instanceof Date,
      ),
    ).toBeInstanceOf(Date);
    await queueDrained();
    expect(smtp.messages).toHaveLength(1);
    expect(
      logs.some((l) => l.level === "warning" && l.message.includes('no handler for topic "order.teleported"')),
    ).toBe(true);
  });

  it("cannot see another tenant's event (row-level security)", async () => {
    // The app role with the wrong tenant in scope sees no row, even without a tenant filter…
    const seen = await withTenant(app.db, OTHER_TENANT, (tx) =>
      tx.execute(q`select id from test_events.outbox where id = 'evt_1'`),
    );
    expect(seen).toHaveLength(0);
    // …so a job naming the wrong tenant finds nothing and changes nothing.
    await admin`update test_events.outbox set processed_at = null where id = 'evt_1'`;
    expect(await processOutboxEvent(deps(), { schema: "test_events", tenantId: OTHER_TENANT, id: "evt_1" })).toBe(
      "not-found",
    );
    expect(await processedAt(TENANT, "evt_1")).toBeNull();
    expect(smtp.messages).toHaveLength(1);
    await admin`update test_events.outbox set processed_at = now() where id = 'evt_1'`;
  });

  it("leaves the event unprocessed when its handler fails, so the job is retried", async () => {
    const failing: OutboxHandlers = {
      "order.submitted": async () => {
        throw new Error("smtp down");
      },
    };
    // Inserted already processed, so the running worker skips it; then reopened for a direct run.
    await admin`insert into test_events.outbox (tenant_id, id, topic, payload, processed_at)
      values (${TENANT}, 'evt_fail', 'order.submitted', ${admin.json(orderPayload("43"))}, now())`;
    await queueDrained();
    await admin`update test_events.outbox set processed_at = null where id = 'evt_fail'`;
    await expect(
      processOutboxEvent(deps(failing), { schema: "test_events", tenantId: TENANT, id: "evt_fail" }),
    ).rejects.toThrow("smtp down");
    expect(await processedAt(TENANT, "evt_fail")).toBeNull();
    expect(smtp.messages).toHaveLength(1);
  });

  it("refuses a job for a schema outside the allow-list", async () => {
    await expect(processOutboxEvent(deps(), { schema: "catalog", tenantId: TENANT, id: "evt_1" })).rejects.toThrow(
      /not an outbox schema/,
    );
  });

  it("reports health", async () => {
    expect(await worker.health()).toEqual({ ok: true, database: "ok", queue: "running" });
  });

  it("logged no errors", () => {
    expect(logs.filter((l) => l.level === "error")).toEqual([]);
  });
});
