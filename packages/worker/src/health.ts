import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { WorkerHealth } from "./worker.ts";

export interface HealthServer {
  url: string;
  close(): Promise<void>;
}

/**
 * GET /health → 200 with the worker's health as JSON, or 503 when the database or queue is down;
 * GET /metrics → the registry's Prometheus text, when given one.
 */
export async function startHealthServer(
  check: () => Promise<WorkerHealth>,
  port: number,
  host = "127.0.0.1",
  metrics?: Registry,
): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "GET" && path === "/metrics" && metrics) {
      metrics.metrics().then(
        (text) => res.writeHead(200, { "content-type": metrics.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    if (req.method !== "GET" || path !== "/health") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    check().then(
      (health) => {
        res.writeHead(health.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(health));
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error: message }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
