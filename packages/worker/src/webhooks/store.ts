import { newId, withTenant } from "@dpp/db";
import { sql } from "drizzle-orm";
import type { WorkerDb } from "../outbox.ts";
import type { DeliveryStatus, WebhookAudience } from "./events.ts";

/**
 * The worker's access to identity's webhook tables (subscriptions, delivery log) and, for a
 * shipment's audience, to the orders' companies — like the outbox tables, read and written by
 * the app role under row-level security, always within the event's tenant.
 */
export interface DeliveryRow extends Record<string, unknown> {
  id: string;
  subscription_id: string;
  topic: string;
  body: string;
  status: DeliveryStatus;
  attempt: number;
  max_attempts: number;
  generation: number;
  url: string;
  secret: string;
  active: boolean;
}

export interface NewDeliveries {
  tenantId: string;
  eventId: string;
  topic: string;
  body: string;
  audience: WebhookAudience;
  maxAttempts: number;
}

/**
 * Writes one delivery per matching active subscription (at most once per event and
 * subscription); each new row enqueues its job by trigger. Returns how many were new.
 */
export async function insertDeliveries(db: WorkerDb, input: NewDeliveries): Promise<number> {
  return withTenant(db, input.tenantId, async (tx) => {
    let companies: string[] | null = null;
    if (input.audience.kind === "companies") companies = input.audience.companyIds;
    if (input.audience.kind === "orders") {
      const rows = await tx.execute<{ company_id: string }>(
        sql`select distinct company_id from orders.orders
            where tenant_id = ${input.tenantId} and id = any(${sql.param(input.audience.orderIds)}::text[])`,
      );
      companies = rows.map((r) => r.company_id);
    }
    if (companies !== null && companies.length === 0) return 0;
    const subs = await tx.execute<{ id: string }>(
      sql`select id from identity.webhook_subscriptions
          where tenant_id = ${input.tenantId} and active and ${input.topic} = any(topics)
          ${companies === null ? sql`` : sql`and company_id = any(${sql.param(companies)}::text[])`}
          order by id`,
    );
    let inserted = 0;
    for (const s of subs) {
      const rows = await tx.execute(
        sql`insert into identity.webhook_deliveries
              (tenant_id, id, subscription_id, event_id, topic, body, max_attempts)
            values (${input.tenantId}, ${newId("whd")}, ${s.id}, ${input.eventId}, ${input.topic}, ${input.body}, ${input.maxAttempts})
            on conflict (tenant_id, subscription_id, event_id) do nothing
            returning id`,
      );
      inserted += rows.length;
    }
    return inserted;
  });
}

export function loadDelivery(db: WorkerDb, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.execute<DeliveryRow>(
      sql`select d.id, d.subscription_id, d.topic, d.body, d.status, d.attempt, d.max_attempts, d.generation,
                 s.url, s.secret, s.active
          from identity.webhook_deliveries d
          join identity.webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id
          where d.tenant_id = ${tenantId} and d.id = ${id}`,
    );
    return row;
  });
}

export interface AttemptRecord {
  status: DeliveryStatus;
  attempt: number;
  responseCode: number | null;
  durationMs: number;
  error: string | null;
}

/** Records an attempt unless a redelivery (a newer generation) took the row over meanwhile. */
export async function recordAttempt(
  db: WorkerDb,
  tenantId: string,
  id: string,
  generation: number,
  r: AttemptRecord,
): Promise<void> {
  await withTenant(db, tenantId, (tx) =>
    tx.execute(
      sql`update identity.webhook_deliveries
          set status = ${r.status}, attempt = ${r.attempt}, response_code = ${r.responseCode},
              duration_ms = ${r.durationMs}, error = ${r.error}, last_attempt_at = now(),
              delivered_at = ${r.status === "succeeded" ? sql`now()` : sql`delivered_at`}
          where tenant_id = ${tenantId} and id = ${id} and generation = ${generation}`,
    ),
  );
}
