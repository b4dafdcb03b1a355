import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium } from "playwright-core";
import type { ServerBuild } from "react-router";
import { createPortalApp, loadPortalConfig } from "../server/index.ts";

/**
 * The browser tests' common set-up: the portal built if stale, the whole platform (testkit
 * stack), the portal server on a free port, and Debian Chromium. One place, so every e2e file
 * starts the product the same way.
 */
const PORTAL_DIR = fileURLToPath(new URL("..", import.meta.url));
const SERVER_BUILD = path.join(PORTAL_DIR, "build/server/index.js");
export const SHOTS = path.join(PORTAL_DIR, "e2e/screenshots");

/**
 * The parts of @dpp/testkit's Stack (and the mail test server) the browser tests use. Imported
 * untyped: their sources (the gateway's) are type-checked by their own packages, not under the
 * portal's DOM lib.
 */
export interface Stack {
  gatewayUrl: string;
  db: { appUrl: string };
  dataset: {
    users: { email: string; password: string }[];
    tenants: { definition: { slug: string; branding: { primary: string } } }[];
  };
  stop(): Promise<void>;
}
export interface Smtp {
  url: string;
  messages: { envelope: { to: string[] }; subject: string; text: string }[];
  close(): Promise<void>;
}
const TESTKIT_STACK: string = "@dpp/testkit/stack";
const MAIL_TESTING: string = "@dpp/mail/testing";

export interface Harness {
  stack: Stack;
  smtp: Smtp | null;
  baseUrl: string;
  browser: Browser;
  /** The demo password of a demo user. */
  password(email: string): string;
  /** A demo tenant by slug, as the test needs it. */
  tenant<T = Stack["dataset"]["tenants"][number]>(slug: string): T;
  close(): Promise<void>;
}

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

/** `react-router build`, unless the server build is newer than every source file. */
function ensureBuild() {
  const sources = Math.max(
    newestMtime(path.join(PORTAL_DIR, "app")),
    newestMtime(path.join(PORTAL_DIR, "vite.config.ts")),
    newestMtime(path.join(PORTAL_DIR, "react-router.config.ts")),
  );
  if (existsSync(SERVER_BUILD) && statSync(SERVER_BUILD).mtimeMs > sources) return;
  execFileSync("npx", ["react-router", "build"], { cwd: PORTAL_DIR, stdio: ["ignore", "ignore", "pipe"] });
}

/** A free port, so mail links can point at the portal before it starts. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/**
 * Starts everything a browser test needs. With `smtp`, mail goes to a real SMTP server the
 * harness starts (and the dev mailbox page is off); otherwise to the dev mailbox. With `devSms`, SMS
 * go over SMPP to the dev stack's local sink and show on the dev mailbox page.
 */
export async function startPortalHarness(opts: { smtp?: boolean; devSms?: boolean } = {}): Promise<Harness> {
  ensureBuild();
  mkdirSync(SHOTS, { recursive: true });
  let smtp: Smtp | null = null;
  if (opts.smtp) {
    const { startTestSmtpServer } = (await import(MAIL_TESTING)) as { startTestSmtpServer: () => Promise<Smtp> };
    smtp = await startTestSmtpServer();
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { startStack } = (await import(TESTKIT_STACK)) as {
    startStack: (o: { smtpUrl?: string; portalUrl: string; devSms?: boolean }) => Promise<Stack>;
  };
  const stack = await startStack({ smtpUrl: smtp?.url, portalUrl: baseUrl, devSms: opts.devSms });
  const config = loadPortalConfig({
    NODE_ENV: "production",
    GATEWAY_URL: stack.gatewayUrl,
    DATABASE_URL: stack.db.appUrl,
    SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
    DEV_MAILBOX: smtp ? "false" : "true",
    SECURE_COOKIES: "false",
  });
  const build = (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild;
  const portal = createPortalApp(config, build);
  const server = await new Promise<Server>((resolve) => {
    const s = portal.app.listen(port, "127.0.0.1", () => resolve(s));
  });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  return {
    stack,
    smtp,
    baseUrl,
    browser,
    password(email) {
      const u = stack.dataset.users.find((x) => x.email === email);
      if (!u) throw new Error(`demo user ${email} missing from the dataset`);
      return u.password;
    },
    tenant<T>(slug: string) {
      const t = stack.dataset.tenants.find((x) => x.definition.slug === slug);
      if (!t) throw new Error(`demo tenant ${slug} missing from the dataset`);
      return t as unknown as T;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await portal.close();
      await stack.stop();
      await smtp?.close();
    },
  };
}
