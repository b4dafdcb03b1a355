import path from "node:path";
import { listen } from "@dpp/server";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer } from "../src/server.ts";

/**
 * The API explorer: GraphiQL served by the gateway from node_modules. The browser may reach
 * nothing but the gateway, so the page, its scripts, styles and editor workers all come from it.
 */
let stack: Stack;
let browser: Browser;
const SHOTS = path.join(import.meta.dirname, "../../portal/e2e/screenshots");

beforeAll(async () => {
  stack = await startStack();
  browser = await chromium.launch({
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
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it("loads offline from the gateway and runs a query", async () => {
  const base = new URL(stack.gatewayUrl).origin;
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const outside: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const res = await page.goto(`${base}/explorer`);
  expect(res?.status()).toBe(200);
  const run = page.getByRole("button", { name: /Execute query/i });
  await run.waitFor({ state: "visible", timeout: 30_000 });
  await run.click();
  await expect.poll(() => page.locator(".graphiql-response").textContent(), { timeout: 15_000 }).toContain('"tenants"');
  expect(await page.locator(".graphiql-response").textContent()).toContain('"slug"');
  await page.screenshot({ path: path.join(SHOTS, "50-api-explorer.png") });
  expect(outside).toEqual([]);
  await page.close();
}, 60_000);

it("is off in production unless asked for", async () => {
  const sdl = (await import("node:fs")).readFileSync(
    new URL("../../schema/supergraph.graphql", import.meta.url),
    "utf8",
  );
  const deps = {
    supergraphSdl: sdl,
    subgraphUrls: Object.fromEntries(
      (["identity", "catalog", "orders", "finance", "inventory"] as const).map((n) => [n, `${stack.urls[n]}/graphql`]),
    ),
    jwksUrl: `${stack.urls.identity}/.well-known/jwks.json`,
    issuer: "dpp-identity",
    internalTokenSecret: stack.internalTokenSecret,
    maskErrors: true,
  };
  for (const [explorer, status] of [
    [undefined, 404],
    [true, 200],
  ] as const) {
    const server = await createServer({ ...deps, explorer });
    const l = await listen(server.app, 0);
    const r = await fetch(`${l.url}/explorer`);
    expect(r.status).toBe(status);
    await l.close();
    await server.stop();
  }
});
