import type { Task } from "graphile-worker";
import { z } from "zod";
import type { WorkerDb } from "../outbox.ts";
import { statusAfterAttempt } from "./events.ts";
import { postWebhook } from "./http.ts";
import { webhookHeaders } from "./signature.ts";
import { loadDelivery, recordAttempt } from "./store.ts";

/** What webhook deliveries need in the worker. */
export interface WebhookDeps {
  /** The app-role pool (row-level security applies). */
  db: WorkerDb;
  /** Attempts per delivery before it is `failed` (graphile-worker's backoff between them: exp(n) s). */
  maxAttempts: number;
  /** Allow localhost and private networks (development, tests). */
  allowPrivateAddresses: boolean;
  timeoutMs?: number;
  /** Called after each attempt (metrics). */
  onAttempt?: (outcome: { topic: string; status: string; durationMs: number }) => void;
}

const jobSchema = z.object({ tenantId: z.string().min(1), id: z.string().min(1), generation: z.number().int() });

/**
 * The graphile-worker task `webhook_delivery`: signs and POSTs one delivery, records the attempt
 * and throws on failure so graphile-worker retries it with its exponential backoff up to the
 * job's max_attempts. A delivery already succeeded, or superseded by a redelivery, is skipped.
 */
export function createWebhookDeliveryTask(deps: WebhookDeps): Task {
  return async (payload, helpers) => {
    const job = jobSchema.parse(payload);
    const d = await loadDelivery(deps.db, job.tenantId, job.id);
    if (!d || d.generation !== job.generation || d.status === "succeeded") return;
    const attempt = d.attempt + 1;
    if (!d.active) {
      await recordAttempt(deps.db, job.tenantId, d.id, job.generation, {
        status: "failed",
        attempt: d.attempt,
        responseCode: null,
        durationMs: 0,
        error: "Подписка отключена",
      });
      return;
    }
    const result = await postWebhook(d.url, d.body, webhookHeaders(d.secret, d.id, d.body), {
      allowPrivateAddresses: deps.allowPrivateAddresses,
      timeoutMs: deps.timeoutMs,
    });
    const status = statusAfterAttempt({
      responseCode: result.responseCode,
      attempt: Math.max(attempt, helpers.job.attempts),
      maxAttempts: Math.min(d.max_attempts, helpers.job.max_attempts),
      permanent: result.permanent,
    });
    await recordAttempt(deps.db, job.tenantId, d.id, job.generation, {
      status,
      attempt,
      responseCode: result.responseCode,
      durationMs: result.durationMs,
      error: result.error,
    });
    deps.onAttempt?.({ topic: d.topic, status, durationMs: result.durationMs });
    if (status === "retrying") throw new Error(`webhook ${d.id} to ${new URL(d.url).host}: ${result.error}`);
  };
}
