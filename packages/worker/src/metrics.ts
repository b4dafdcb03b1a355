import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { OutboxHandlers } from "./outbox.ts";

/** The job queue's size by state, as the queue's own tables hold it. */
export type QueueDepth = () => Promise<{ ready: number; scheduled: number; running: number; failed: number }>;

/**
 * The worker's Prometheus metrics (own registry: tests run several workers in one process): jobs
 * by task and outcome with their duration, how long after commit each outbox event was handled,
 * webhook attempts, and the queue's depth read at each scrape.
 */
export function createWorkerMetrics(queueDepth?: QueueDepth) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "worker" });
  collectDefaultMetrics({ register: registry });
  if (queueDepth) {
    new Gauge({
      name: "worker_queue_jobs",
      help: "Jobs in the queue: ready to run, scheduled for later, running, failed for good",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        const depth = await queueDepth();
        for (const [state, n] of Object.entries(depth)) this.set({ state }, n);
      },
    });
  }
  return {
    registry,
    jobs: new Counter({
      name: "worker_jobs_total",
      help: "Jobs run, by task and outcome (success; error: will retry; failed: no attempts left)",
      labelNames: ["task", "outcome"] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "worker_job_duration_seconds",
      help: "How long a job ran, by task and outcome",
      labelNames: ["task", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    outboxLag: new Histogram({
      name: "outbox_lag_seconds",
      help: "From an outbox event's commit to its handling, by topic",
      labelNames: ["topic"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60, 300],
      registers: [registry],
    }),
    webhookAttempts: new Histogram({
      name: "webhook_attempt_duration_seconds",
      help: "Webhook delivery attempts, by topic and resulting status",
      labelNames: ["topic", "status"] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    smsAttempts: new Counter({
      name: "sms_attempts_total",
      help: "SMS send attempts, by resulting status (sent, retrying, failed, not_configured)",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;

/** graphile-worker's job events → job counters and durations. */
export function jobEvents(metrics: WorkerMetrics): WorkerEvents {
  const events: WorkerEvents = new EventEmitter();
  const started = new Map<string, bigint>();
  events.on("job:start", ({ job }) => started.set(job.id, process.hrtime.bigint()));
  events.on("job:complete", ({ job, error }) => {
    const t0 = started.get(job.id);
    started.delete(job.id);
    const outcome = !error ? "success" : job.attempts >= job.max_attempts ? "failed" : "error";
    metrics.jobs.inc({ task: job.task_identifier, outcome });
    if (t0 !== undefined) {
      metrics.jobDuration.observe({ task: job.task_identifier, outcome }, Number(process.hrtime.bigint() - t0) / 1e9);
    }
  });
  return events;
}

/** Each handler observes its event's lag (now − the outbox row's created_at) before running. */
export function withOutboxLag(handlers: OutboxHandlers, metrics: WorkerMetrics): OutboxHandlers {
  return Object.fromEntries(
    Object.entries(handlers).map(([topic, handler]) => [
      topic,
      async (event, deps) => {
        metrics.outboxLag.observe({ topic }, Math.max(0, (Date.now() - Date.parse(event.createdAt)) / 1000));
        await handler(event, deps);
      },
    ]),
  ) as OutboxHandlers;
}
