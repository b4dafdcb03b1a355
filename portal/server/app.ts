import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@react-router/express";
import express from "express";
import postgres from "postgres";
import type { AppLoadContext, ServerBuild } from "react-router";
import "../app/context.ts";
import type { PortalConfig } from "./config.ts";
import { createDevMailbox } from "./dev-mailbox.ts";
import { createGatewayClientFactory } from "./gateway.ts";
import { createPortalSessions, purgeExpiredSessions } from "./sessions.ts";

export interface PortalAppOptions {
  /** Where `react-router build` put the browser assets; default ../build/client next to this file. */
  clientDir?: string;
}

export interface PortalApp {
  /** Listen with it (`app.listen(port)`) or mount it in another express app. */
  app: express.Express;
  /** Closes the database pool and the session purge timer. */
  close(): Promise<void>;
}

/** The portal's express app: static assets plus the React Router request handler (the BFF). */
export function createPortalApp(
  config: PortalConfig,
  build: ServerBuild | (() => Promise<ServerBuild>),
  opts: PortalAppOptions = {},
): PortalApp {
  // A plain postgres.js pool: drizzle's driver would replace its date and json (de)serializers.
  const sql = postgres(config.database.url, {
    max: 5,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: "portal" },
  });
  const context: AppLoadContext = {
    env: config.env,
    gateway: createGatewayClientFactory(config.gatewayUrl, { clientSecret: config.gatewayClientSecret }),
    sessions: createPortalSessions(sql, { secret: config.session.secret, secure: config.session.secureCookie }),
    devMailbox: config.devMailbox ? createDevMailbox(sql) : null,
  };
  const purge = setInterval(() => void purgeExpiredSessions(sql).catch(() => {}), 3600_000);
  purge.unref();

  const clientDir = opts.clientDir ?? fileURLToPath(new URL("../build/client", import.meta.url));
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "same-origin");
    res.setHeader("x-frame-options", "DENY");
    next();
  });
  // Fingerprinted by Vite: cache forever.
  app.use("/assets", express.static(`${clientDir}/assets`, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  // Browsers ask for it regardless of <link rel="icon">; not a page, so not the router's business.
  app.get("/favicon.ico", (_req, res) => {
    res.redirect(301, "/favicon.svg");
  });
  app.all(
    "/{*path}",
    createRequestHandler({
      build,
      mode: config.env === "production" ? "production" : "development",
      getLoadContext: () => context,
    }),
  );
  return {
    app,
    close: async () => {
      clearInterval(purge);
      await sql.end({ timeout: 5 });
    },
  };
}
