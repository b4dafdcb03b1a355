import type { ApolloServerPlugin } from "@apollo/server";
import type { Express } from "express";
import { type Logger, pino } from "pino";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Connections of the service's database pool: open ones in use and idle, and the configured maximum. */
export interface PoolStats {
  active: number;
  idle: number;
  max: number;
}

/** Structured JSON logs with the service name; LOG_LEVEL (default info) sets the level. */
export function createServiceLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service } });
}

/**
 * A subgraph's Prometheus metrics on its own registry (tests run several services in one
 * process): process defaults, per-operation latency, errors by code, and the DB pool when the
 * service can report it (read at scrape time).
 */
export function createSubgraphMetrics(service: string, pool?: () => Promise<PoolStats>) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    operation: new Histogram({
      name: "subgraph_operation_duration_seconds",
      help: "GraphQL operations served by this subgraph, by operation name, type and outcome",
      labelNames: ["operation", "type", "outcome"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: "subgraph_errors_total",
      help: "GraphQL errors returned by this subgraph, by operation and code",
      labelNames: ["operation", "code"] as const,
      registers: [registry],
    }),
  };
  if (pool) {
    new Gauge({
      name: "db_pool_connections",
      help: "Database connections of this service, by state (active, idle, max)",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        const s = await pool();
        this.set({ state: "active" }, s.active);
        this.set({ state: "idle" }, s.idle);
        this.set({ state: "max" }, s.max);
      },
    });
  }
  return metrics;
}
export type SubgraphMetrics = ReturnType<typeof createSubgraphMetrics>;

/** GET /metrics in Prometheus text format. */
export function mountMetrics(app: Express, registry: Registry) {
  app.get("/metrics", async (_req, res, next) => {
    try {
      res.setHeader("content-type", registry.contentType);
      res.send(await registry.metrics());
    } catch (error) {
      next(error);
    }
  });
}

/**
 * Per operation: latency and errors in the metrics, one debug log line with the gateway's request
 * id, and every internal error logged with its stack and request id (clients get neither).
 */
export function subgraphObservabilityPlugin(
  logger: Logger,
  metrics: SubgraphMetrics,
): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
            metrics.errors.inc({ operation: operationName ?? "(anonymous)", code });
            const internal = code === "INTERNAL_SERVER_ERROR";
            logger[internal ? "error" : "debug"](
              {
                requestId: contextValue.requestId ?? null,
                operation: operationName ?? null,
                code,
                err: internal ? (error.originalError ?? error) : undefined,
              },
              error.message,
            );
          }
        },
        async willSendResponse({ operationName, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operation.observe(
            {
              operation: operationName ?? "(anonymous)",
              type: operation?.operation ?? "unknown",
              outcome: errors?.length ? "error" : "ok",
            },
            seconds,
          );
          logger.debug(
            {
              requestId: contextValue.requestId ?? null,
              operation: operationName ?? null,
              ms: Math.round(seconds * 1000),
              errors: errors?.length ?? 0,
            },
            "graphql",
          );
        },
      };
    },
  };
}
