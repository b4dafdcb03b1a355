import { withTenant } from "@dpp/db";
import { type SmsSender, smsMessages } from "@dpp/mail";
import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { OutboxLogger, WorkerDb } from "./outbox.ts";

/** What sending SMS needs in the worker: the app-role pool (RLS) and the SMSC client. */
export interface SmsDeps {
  db: WorkerDb;
  sender: SmsSender;
  /** Called after each attempt (metrics, tests). */
  onAttempt?: (outcome: { status: "sent" | "retrying" | "failed" | "not_configured" }) => void;
}

const jobSchema = z.object({ tenantId: z.string().min(1), id: z.string().min(1) });

/** One SMS to send, once per (cause, recipient): a repeat of the cause inserts nothing. Returns whether it was new. */
export async function queueSms(
  db: WorkerDb,
  sms: { tenantId: string; id: string; sourceKey: string; userId: string | null; toAddress: string; body: string },
): Promise<boolean> {
  const rows = await withTenant(db, sms.tenantId, (tx) =>
    tx
      .insert(smsMessages)
      .values(sms)
      .onConflictDoNothing({ target: [smsMessages.tenantId, smsMessages.sourceKey] })
      .returning({ id: smsMessages.id }),
  );
  return rows.length > 0;
}

/**
 * The graphile-worker task `sms_send` (enqueued by the insert trigger): submits one SMS over SMPP
 * and records the outcome. Without an SMSC configured it is recorded as `not_configured` — never
 * as sent. A refusal or an unreachable SMSC throws so graphile-worker retries with its backoff;
 * the last attempt records `failed`. A message already handled is skipped.
 */
export function createSmsSendTask(deps: SmsDeps, logger: OutboxLogger): Task {
  return async (payload, helpers) => {
    const job = jobSchema.parse(payload);
    const update = (values: PgUpdateSetSource<typeof smsMessages>) =>
      withTenant(deps.db, job.tenantId, (tx) =>
        tx
          .update(smsMessages)
          .set(values)
          .where(and(eq(smsMessages.tenantId, job.tenantId), eq(smsMessages.id, job.id))),
      );
    const [msg] = await withTenant(deps.db, job.tenantId, (tx) =>
      tx
        .select()
        .from(smsMessages)
        .where(and(eq(smsMessages.tenantId, job.tenantId), eq(smsMessages.id, job.id))),
    );
    if (msg?.status !== "pending") return;
    if (!deps.sender.configured) {
      await update({ status: "not_configured", error: "SMS не настроены (SMS_SMPP_URL): сообщение не отправлено" });
      logger.warn(`sms ${msg.id}: SMS is not configured (SMS_SMPP_URL); not sent to ${msg.toAddress}`, { id: msg.id });
      deps.onAttempt?.({ status: "not_configured" });
      return;
    }
    try {
      const { messageId } = await deps.sender.send({ to: msg.toAddress, text: msg.body });
      await update({
        status: "sent",
        providerMessageId: messageId,
        attempts: sql`${smsMessages.attempts} + 1`,
        error: null,
        sentAt: new Date(),
      });
      deps.onAttempt?.({ status: "sent" });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = helpers.job.attempts >= helpers.job.max_attempts;
      await update({ status: last ? "failed" : "pending", attempts: sql`${smsMessages.attempts} + 1`, error: message });
      deps.onAttempt?.({ status: last ? "failed" : "retrying" });
      if (!last) throw new Error(`sms ${msg.id}: ${message}`);
      logger.warn(`sms ${msg.id}: failed after ${helpers.job.attempts} attempts: ${message}`, { id: msg.id });
    }
  };
}
