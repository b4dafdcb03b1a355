import { withTenant } from "@dpp/db";
import type { Mailer } from "@dpp/mail";
import { sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { FinanceEvents } from "./finance-client.ts";
import type { AuditLog } from "./identity-audit.ts";
import type { InventoryService, OrderEvents } from "./inventory-clients.ts";
import type { SmsDeps } from "./sms-task.ts";
import type { WebhookDeps } from "./webhooks/delivery-task.ts";

/** A dealer or staff member as the identity subgraph knows them. */
export interface DirectoryUser {
  email: string;
  fullName: string;
  /** Where SMS notifications go (the account's phone); absent or null: no SMS. */
  phone?: string | null;
}

/** Looks people up in the identity subgraph (or a test double). */
export interface UserDirectory {
  userById(tenantId: string, userId: string): Promise<DirectoryUser | null>;
  /** A dealer company's display name (shipment mails); null when unknown. */
  companyName?(tenantId: string, companyId: string): Promise<string | null>;
}

export interface OutboxLogger {
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
}

/** What a handler gets: the outbox row as stored (payload still unvalidated). */
export interface OutboxEvent {
  schema: string;
  tenantId: string;
  id: string;
  topic: string;
  payload: unknown;
  createdAt: string;
}

export interface OutboxHandlerDeps {
  mailer: Mailer;
  directory: UserDirectory;
  logger: OutboxLogger;
  /** The finance subgraph's order-event mutation (invoices, bonus points); absent where not wired. */
  finance?: FinanceEvents;
  /** Identity's history (recordAuditEvent); absent where not wired. */
  audit?: AuditLog;
  /** Inventory's service mutations (reservation expiry); absent where not wired. */
  inventory?: InventoryService;
  /** Orders' applyOrderEvent (workflow system transitions); absent where not wired. */
  orderEvents?: OrderEvents;
  /** Webhook deliveries (identity's subscriptions); absent where not wired. */
  webhooks?: WebhookDeps;
  /** SMS notifications (queued per message); absent where not wired. */
  sms?: SmsDeps;
  /** The portal's base URL for links in mails (e.g. a shipment's page). */
  portalUrl?: string;
}

/**
 * Reacts to one event. Runs inside the transaction that holds the outbox row's lock; throwing
 * rolls it back, so the row stays unprocessed and graphile-worker retries with its backoff.
 * Delivery is at least once: a handler whose side effect succeeded but whose commit failed runs
 * again, so side effects should tolerate a repeat.
 */
export type OutboxHandler = (event: OutboxEvent, deps: OutboxHandlerDeps) => Promise<void>;
export type OutboxHandlers = Readonly<Record<string, OutboxHandler>>;

/** The job's payload as the outbox triggers enqueue it. */
export const outboxJobSchema = z.object({
  schema: z.string().regex(/^[a-z_]+$/, "must be a lower-case schema name"),
  tenantId: z.string().min(1),
  id: z.string().min(1),
});
export type OutboxJob = z.output<typeof outboxJobSchema>;

export type WorkerDb = PostgresJsDatabase<Record<string, never>>;

export interface OutboxProcessorDeps extends OutboxHandlerDeps {
  /** The app-role pool: row-level security applies, so every read runs within withTenant. */
  db: WorkerDb;
  /** Schemas whose `outbox` table the worker may read; anything else in a job is refused. */
  schemas: readonly string[];
  handlers: OutboxHandlers;
}

export type OutboxOutcome = "processed" | "already-processed" | "unknown-topic" | "not-found";

interface OutboxRow extends Record<string, unknown> {
  topic: string;
  payload: unknown;
  created_at: string | Date;
  processed_at: string | Date | null;
}

/** Validates a job payload; throws (the job fails, visibly) on anything the triggers never send. */
export function parseOutboxJob(payload: unknown, schemas: readonly string[]): OutboxJob {
  const job = outboxJobSchema.parse(payload);
  if (!schemas.includes(job.schema)) throw new Error(`outbox: schema "${job.schema}" is not an outbox schema`);
  return job;
}

/**
 * Handles one outbox row exactly once per commit: locks the row (FOR UPDATE, so a duplicate job
 * waits and then sees processed_at), skips it if already processed, dispatches by topic and sets
 * processed_at in the same transaction. An unknown topic is marked processed with a warning —
 * retrying cannot make a handler appear.
 */
export async function processOutboxEvent(
  deps: OutboxProcessorDeps,
  job: OutboxJob,
  logger: OutboxLogger = deps.logger,
): Promise<OutboxOutcome> {
  if (!deps.schemas.includes(job.schema)) throw new Error(`outbox: schema "${job.schema}" is not an outbox schema`);
  const table = sql`${sql.identifier(job.schema)}.${sql.identifier("outbox")}`;
  return withTenant(deps.db, job.tenantId, async (tx) => {
    const [row] = await tx.execute<OutboxRow>(
      sql`select topic, payload, created_at, processed_at from ${table}
          where tenant_id = ${job.tenantId} and id = ${job.id} for update`,
    );
    if (!row) {
      // Committed with its job, so this is a bad job (wrong tenant, deleted row): nothing to retry.
      logger.warn(`outbox: no event ${job.schema}/${job.id} in tenant ${job.tenantId}`, { ...job });
      return "not-found";
    }
    if (row.processed_at !== null) return "already-processed";
    const handler = Object.hasOwn(deps.handlers, row.topic) ? deps.handlers[row.topic] : undefined;
    if (handler) {
      const createdAt = row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at);
      await handler(
        { schema: job.schema, tenantId: job.tenantId, id: job.id, topic: row.topic, payload: row.payload, createdAt },
        {
          mailer: deps.mailer,
          directory: deps.directory,
          logger,
          finance: deps.finance,
          audit: deps.audit,
          inventory: deps.inventory,
          orderEvents: deps.orderEvents,
          webhooks: deps.webhooks,
          sms: deps.sms,
          portalUrl: deps.portalUrl,
        },
      );
    } else {
      logger.warn(`outbox: no handler for topic "${row.topic}"; marking ${job.schema}/${job.id} processed`, {
        ...job,
        topic: row.topic,
      });
    }
    await tx.execute(
      sql`update ${table} set processed_at = now() where tenant_id = ${job.tenantId} and id = ${job.id}`,
    );
    return handler ? "processed" : "unknown-topic";
  });
}

/** The graphile-worker task `outbox`; a thrown error fails the job and graphile-worker retries it. */
export function createOutboxTask(deps: OutboxProcessorDeps): Task {
  return async (payload, helpers) => {
    const job = parseOutboxJob(payload, deps.schemas);
    await processOutboxEvent(deps, job, helpers.logger);
  };
}
