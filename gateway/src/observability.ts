import { randomBytes } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { NextFunction, Request, Response } from "express";
import { type Logger, pino } from "pino";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** Structured JSON logs; LOG_LEVEL=silent in tests that don't read them. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service } });
}

/** One registry per gateway instance (tests start several in one process). */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    operation: new Histogram({
      name: "graphql_operation_duration_seconds",
      help: "GraphQL operations at the gateway, by operation name and outcome",
      labelNames: ["operation", "type", "outcome"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    subgraphFetch: new Histogram({
      name: "subgraph_fetch_duration_seconds",
      help: "Gateway to subgraph fetches, by subgraph and HTTP status",
      labelNames: ["subgraph", "status"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    rejected: new Counter({
      name: "gateway_rejected_requests_total",
      help: "Requests the gateway refused before or while validating, by error code",
      labelNames: ["code"] as const,
      registers: [registry],
    }),
  };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

// W3C Trace Context: version 00, 16-byte trace id, 8-byte parent id, flags.
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The caller's trace id when its traceparent is valid, else a new trace; sampled flag kept. */
export function traceOf(header: string | undefined): { traceId: string; flags: string } {
  const m = TRACEPARENT.exec(header ?? "");
  if (m?.[1] && m[3] && !/^0+$/.test(m[1]) && !/^0+$/.test(m[2] ?? "")) return { traceId: m[1], flags: m[3] };
  return { traceId: randomBytes(16).toString("hex"), flags: "01" };
}

/** A child span's traceparent for one outgoing call. */
export const childTraceparent = (trace: { traceId: string; flags: string }) =>
  `00-${trace.traceId}-${randomBytes(8).toString("hex")}-${trace.flags}`;

/** Puts the trace on res.locals and answers with the traceparent the gateway used. */
export function traceMiddleware() {
  return (req: Request, res: Response, next: NextFunction) => {
    const trace = traceOf(req.header("traceparent"));
    res.locals.trace = trace;
    res.setHeader("traceparent", childTraceparent(trace));
    next();
  };
}

/** Counts refusals that never reach Apollo (4xx JSON written by the gateway's middleware). */
export function countRefusals(metrics: GatewayMetrics) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const code = (body as { errors?: { extensions?: { code?: unknown } }[] })?.errors?.[0]?.extensions?.code;
      if (res.statusCode >= 400 && typeof code === "string") metrics.rejected.inc({ code });
      return json(body);
    };
    next();
  };
}

interface ObservedContext {
  requestId: string;
  actor: { kind: string; tenantId?: string | null };
}

/**
 * Per operation: a latency histogram by operation name, the request id on every error a client
 * sees, and one log line per request (errors logged with their stack, which clients never get).
 */
export function observabilityPlugin(logger: Logger, metrics: GatewayMetrics): ApolloServerPlugin<ObservedContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") metrics.rejected.inc({ code });
            const internal = code === undefined || code === "INTERNAL_SERVER_ERROR";
            logger[internal ? "error" : "info"](
              {
                requestId: contextValue.requestId,
                operation: operationName ?? null,
                code: code ?? "INTERNAL_SERVER_ERROR",
                err: internal ? (error.originalError ?? error) : undefined,
              },
              error.message,
            );
          }
        },
        async willSendResponse({ response, operationName, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.operation.observe(
            {
              operation: operationName ?? "(anonymous)",
              type: operation?.operation ?? "unknown",
              outcome: errors?.length ? "error" : "ok",
            },
            seconds,
          );
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              tenantId: contextValue.actor.tenantId ?? null,
              ms: Math.round(seconds * 1000),
              errors: errors?.length ?? 0,
            },
            "graphql",
          );
          if (response.body.kind !== "single") return;
          for (const e of response.body.singleResult.errors ?? []) {
            (e as { extensions?: Record<string, unknown> }).extensions = {
              ...e.extensions,
              requestId: contextValue.requestId,
            };
          }
        },
      };
    },
  };
}
