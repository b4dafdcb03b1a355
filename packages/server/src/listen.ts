import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

export interface Listening {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port) and resolves once bound; rejects on EADDRINUSE. */
export function listen(app: Express, port: number, host = "127.0.0.1"): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      server.keepAliveTimeout = 65_000;
      const addr = server.address() as AddressInfo;
      resolve({
        server,
        port: addr.port,
        url: `http://${host}:${addr.port}`,
        close: () =>
          new Promise<void>((res) => {
            server.closeAllConnections();
            server.close(() => res());
          }),
      });
    });
  });
}

/**
 * A service's main: listens, logs where, and on SIGINT/SIGTERM closes connections and stops the
 * server (pools, Apollo) before exiting.
 */
export async function serveUntilSignal(
  name: string,
  server: { app: Express; stop(): Promise<void> },
  http: { port: number; host: string },
  suffix = "",
): Promise<Listening> {
  const l = await listen(server.app, http.port, http.host);
  console.log(`${name} listening on ${l.url}${suffix}`);
  const shutdown = async () => {
    await l.close();
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return l;
}
