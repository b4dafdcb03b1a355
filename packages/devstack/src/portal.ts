import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createPortalApp, loadPortalConfig } from "@dpp/portal";
import { listen } from "@dpp/server";
import { REPO_ROOT } from "./config.ts";

const PORTAL_DIR = path.join(REPO_ROOT, "portal");
const SERVER_BUILD = path.join(PORTAL_DIR, "build/server/index.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the portal when its build is missing or older than its sources. */
export function ensurePortalBuild(log: (line: string) => void = console.log): void {
  const sources = Math.max(
    newestMtime(path.join(PORTAL_DIR, "app")),
    statSync(path.join(PORTAL_DIR, "vite.config.ts")).mtimeMs,
  );
  if (existsSync(SERVER_BUILD) && statSync(SERVER_BUILD).mtimeMs >= sources) return;
  log("Building the portal…");
  execFileSync("npx", ["react-router", "build"], { cwd: PORTAL_DIR, stdio: ["ignore", "ignore", "inherit"] });
}

export async function startPortal(opts: {
  host: string;
  port: number;
  gatewayUrl: string;
  databaseUrl: string;
  sessionSecret: string;
  /** The gateway's PORTAL_CLIENT_SECRET: the portal signs its requests with it. */
  clientSecret?: string;
  devMailbox: boolean;
}) {
  ensurePortalBuild();
  const config = loadPortalConfig({
    NODE_ENV: "production",
    HOST: opts.host,
    PORT: String(opts.port),
    GATEWAY_URL: opts.gatewayUrl,
    DATABASE_URL: opts.databaseUrl,
    SESSION_SECRET: opts.sessionSecret,
    PORTAL_CLIENT_SECRET: opts.clientSecret,
    DEV_MAILBOX: opts.devMailbox ? "true" : "false",
    SECURE_COOKIES: "false",
  });
  const build = await import(pathToFileURL(SERVER_BUILD).href);
  const portal = await createPortalApp(config, build);
  const l = await listen(portal.app, opts.port, opts.host);
  return {
    url: l.url,
    close: async () => {
      await l.close();
      await portal.close?.();
    },
  };
}
