import { createDb } from "@dpp/db";
import { createSmsSender, type Mailer, type SmsSender } from "@dpp/mail";
import { sql } from "drizzle-orm";
import { type Logger, type Runner, run } from "graphile-worker";
import postgres from "postgres";
import type { FinanceEvents } from "./finance-client.ts";
import { outboxHandlers } from "./handlers/index.ts";
import type { AuditLog } from "./identity-audit.ts";
import type { InventoryService, OrderEvents } from "./inventory-clients.ts";
import { consoleLogger } from "./logger.ts";
import { createWorkerMetrics, jobEvents, type WorkerMetrics, withOutboxLag } from "./metrics.ts";
import { createNomenclatureMailTask, NOMENCLATURE_CRON } from "./nomenclature-mail.ts";
import { createOutboxTask, type OutboxHandlers, type UserDirectory, type WorkerDb } from "./outbox.ts";
import { QUEUE_SCHEMA } from "./queue.ts";
import { createSmsSendTask, type SmsDeps } from "./sms-task.ts";
import { createTenantConfigTask, type TenantConfigTarget } from "./tenant-config.ts";
import { createWebhookDeliveryTask, type WebhookDeps } from "./webhooks/delivery-task.ts";

export type WebhookOptions = Partial<Pick<WebhookDeps, "maxAttempts" | "allowPrivateAddresses" | "timeoutMs">>;

/** Every subgraph's schema may carry an `outbox`; a job naming any other schema is refused. */
export const DEFAULT_OUTBOX_SCHEMAS: readonly string[] = ["identity", "catalog", "orders", "finance", "inventory"];

export interface WorkerDeps {
  /** Tenant data: the app role (no BYPASSRLS), so every read goes through withTenant. */
  databaseUrl: string;
  /**
   * graphile-worker's own connection. The job-queue schema belongs to graphile-worker, which
   * checks (and on upgrade applies) its migrations at start and needs full rights on it, so in
   * production this is the admin/queue URL, not the app role. It never touches tenant tables.
   * May equal databaseUrl where one role owns everything.
   */
  queueDatabaseUrl: string;
  mailer: Mailer;
  /** The SMSC client (createSmsSender); without one, SMS are recorded as not configured. */
  sms?: SmsSender;
  directory: UserDirectory;
  finance?: FinanceEvents;
  audit?: AuditLog;
  inventory?: InventoryService;
  orderEvents?: OrderEvents;
  /** The portal's base URL for links in mails. */
  portalUrl?: string;
  concurrency?: number;
  /** Milliseconds between polls for retries and scheduled jobs (new jobs arrive by LISTEN/NOTIFY). */
  pollInterval?: number;
  outboxSchemas?: readonly string[];
  handlers?: OutboxHandlers;
  /** Tenant definitions to deliver to the subgraphs (decision 0018); absent: the `tenant_config` task is not run. */
  tenantConfig?: { targets: readonly TenantConfigTarget[]; internalTokenSecret: string };
  /** Webhook deliveries: attempts (default 8), private addresses allowed (default false: production). */
  webhooks?: WebhookOptions;
  /** The daily nomenclature e-mail (cron `nomenclature_mail`); absent: the task and its schedule are off. */
  nomenclature?: { catalogUrl: string; internalTokenSecret: string };
  logger?: Logger;
}

export interface WorkerHealth {
  ok: boolean;
  database: "ok" | "down";
  queue: "running" | "stopped" | "failed";
  error?: string;
}

export interface Worker {
  health(): Promise<WorkerHealth>;
  /** Prometheus metrics (served on /metrics next to /health). */
  metrics: WorkerMetrics;
  stop(): Promise<void>;
}

/** Starts the outbox worker: graphile-worker runs the `outbox` task with `concurrency` jobs at a time. */
export async function startWorker(deps: WorkerDeps): Promise<Worker> {
  const concurrency = deps.concurrency ?? 4;
  const logger = deps.logger ?? consoleLogger();
  const { sql: pool, db } = createDb<Record<string, never>>(
    deps.databaseUrl,
    {},
    { applicationName: "worker", max: concurrency + 1 },
  );
  // The queue's owner role reads its depth for the metrics (the app role has no access to it).
  const queueSql = postgres(deps.queueDatabaseUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "worker-metrics" },
  });
  const metrics = createWorkerMetrics(async () => {
    const [row] = await queueSql<{ ready: number; scheduled: number; running: number; failed: number }[]>`
      select count(*) filter (where locked_at is null and attempts < max_attempts and run_at <= now())::int as ready,
             count(*) filter (where locked_at is null and attempts < max_attempts and run_at > now())::int as scheduled,
             count(*) filter (where locked_at is not null)::int as running,
             count(*) filter (where attempts >= max_attempts)::int as failed
      from ${queueSql(QUEUE_SCHEMA)}._private_jobs`;
    return row ?? { ready: 0, scheduled: 0, running: 0, failed: 0 };
  });
  const webhooks: WebhookDeps = {
    db: db as WorkerDb,
    maxAttempts: deps.webhooks?.maxAttempts ?? 8,
    allowPrivateAddresses: deps.webhooks?.allowPrivateAddresses ?? false,
    timeoutMs: deps.webhooks?.timeoutMs,
    onAttempt: ({ topic, status, durationMs }) => metrics.webhookAttempts.observe({ topic, status }, durationMs / 1000),
  };
  const sms: SmsDeps = {
    db: db as WorkerDb,
    sender: deps.sms ?? createSmsSender({ kind: "none" }),
    onAttempt: ({ status }) => metrics.smsAttempts.inc({ status }),
  };
  const outbox = createOutboxTask({
    db: db as WorkerDb,
    schemas: deps.outboxSchemas ?? DEFAULT_OUTBOX_SCHEMAS,
    handlers: withOutboxLag(deps.handlers ?? outboxHandlers, metrics),
    mailer: deps.mailer,
    directory: deps.directory,
    finance: deps.finance,
    audit: deps.audit,
    inventory: deps.inventory,
    orderEvents: deps.orderEvents,
    webhooks,
    sms,
    portalUrl: deps.portalUrl,
    logger,
  });
  let runner: Runner;
  try {
    runner = await run({
      connectionString: deps.queueDatabaseUrl,
      schema: QUEUE_SCHEMA,
      concurrency,
      maxPoolSize: concurrency + 2,
      noHandleSignals: true,
      pollInterval: deps.pollInterval ?? 2_000,
      logger,
      events: jobEvents(metrics),
      taskList: {
        outbox,
        webhook_delivery: createWebhookDeliveryTask(webhooks),
        sms_send: createSmsSendTask(sms, logger),
        ...(deps.tenantConfig
          ? { tenant_config: createTenantConfigTask({ db: db as WorkerDb, ...deps.tenantConfig }) }
          : {}),
        ...(deps.nomenclature
          ? {
              nomenclature_mail: createNomenclatureMailTask({
                db: db as WorkerDb,
                mailer: deps.mailer,
                directory: deps.directory,
                logger,
                ...deps.nomenclature,
              }),
            }
          : {}),
      },
      // The only schedule: the daily nomenclature e-mail (and no lookup of a ./crontab file).
      crontab: deps.nomenclature ? NOMENCLATURE_CRON : "",
    });
  } catch (error) {
    await pool.end({ timeout: 5 });
    await queueSql.end({ timeout: 5 });
    if ((error as { code?: string }).code === "42501") {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`job queue: ${message} (QUEUE_DATABASE_URL must be the role that owns the queue schema)`, {
        cause: error,
      });
    }
    throw error;
  }
  let queue: WorkerHealth["queue"] = "running";
  let queueError: string | undefined;
  runner.promise.then(
    () => {
      if (queue === "running") queue = "stopped";
    },
    (error: unknown) => {
      queue = "failed";
      queueError = error instanceof Error ? error.message : String(error);
    },
  );
  let stopping: Promise<void> | undefined;
  return {
    metrics,
    async health() {
      let database: WorkerHealth["database"] = "ok";
      let error = queueError;
      try {
        await db.execute(sql`select 1`);
      } catch (e) {
        database = "down";
        error ??= e instanceof Error ? e.message : String(e);
      }
      return { ok: database === "ok" && queue === "running", database, queue, ...(error ? { error } : {}) };
    },
    stop() {
      stopping ??= (async () => {
        queue = "stopped";
        try {
          await runner.stop();
        } finally {
          await pool.end({ timeout: 5 });
          await queueSql.end({ timeout: 5 });
        }
      })();
      return stopping;
    },
  };
}
