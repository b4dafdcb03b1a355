import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { startPortal } from "@dpp/devstack/portal";
import { request } from "undici";
import { type Stats, sequential, stats } from "./src/measure.ts";
import { startBenchStack } from "./src/stack.ts";

const CLIENT_DIR = fileURLToPath(new URL("../portal/build/client", import.meta.url));

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

/**
 * The portal as a dealer sees it: time to first byte of the catalog page (server render with
 * the gateway behind it; goal p95 ≤ 150 ms) and the JavaScript each route makes the browser
 * download, gzipped (goal ≤ 150 KB per route).
 */
export async function portalPages(opts: { smoke: boolean }) {
  const n = opts.smoke ? 20 : 200;
  const stack = await startBenchStack();
  const portal = await startPortal({
    host: "127.0.0.1",
    port: 0,
    gatewayUrl: stack.platform.gatewayGraphqlUrl,
    databaseUrl: stack.appUrl,
    sessionSecret: "bench-session-secret-0123456789abcdef",
    devMailbox: true,
  });
  try {
    const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
    if (!dealer) throw new Error("demo dealer missing");
    const cookie = await login(portal.url, dealer.email, dealer.password);
    /** One page view; returns the time to first byte (headers in), after draining the body. */
    const view = async (p: string): Promise<number> => {
      const t = performance.now();
      const res = await request(`${portal.url}${p}`, { headers: { cookie, accept: "text/html" } });
      const ttfb = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${p}: HTTP ${res.statusCode}`);
      await res.body.dump({ limit: Number.POSITIVE_INFINITY });
      return ttfb;
    };
    const ttfb = async (p: string) => {
      for (let i = 0; i < 10; i++) await view(p);
      const samples: number[] = [];
      for (let i = 0; i < n; i++) samples.push(await view(p));
      return stats(samples);
    };
    const results: Record<string, Stats | number | Record<string, number>> = {};
    results.catalogTtfb = await ttfb("/catalog");
    results.catalogSearchTtfb = await ttfb(`/catalog?q=${encodeURIComponent("выключатель")}`);
    results.ordersTtfb = await ttfb("/orders");
    results.catalogFullPage = await sequential(async () => void (await view("/catalog")), Math.min(n, 50), 5);
    const js = jsPerRoute();
    results.jsKbGzippedPerRoute = js;
    results.jsKbGzippedMax = Math.max(...Object.values(js));
    return results;
  } finally {
    await portal.close();
    await stack.stop();
  }
}

async function login(portalUrl: string, email: string, password: string): Promise<string> {
  const res = await request(`${portalUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, tenant: "keaz", next: "/catalog" }).toString(),
  });
  await res.body.dump();
  const set = res.headers["set-cookie"];
  const first = Array.isArray(set) ? set[0] : set;
  if (res.statusCode !== 302 || !first) throw new Error(`portal login failed: HTTP ${res.statusCode}`);
  return first.split(";")[0] ?? "";
}

/** Gzipped kilobytes of JavaScript a first visit to each page route loads (entry, route chain, their imports). */
export function jsPerRoute(): Record<string, number> {
  const manifestFile = readdirAssets().find((f) => /^manifest-[\w-]+\.js$/.test(f));
  if (!manifestFile) throw new Error("portal build has no route manifest: run `npm run -w @dpp/portal build`");
  const text = readFileSync(path.join(CLIENT_DIR, "assets", manifestFile), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
  const gz = new Map<string, number>();
  const size = (asset: string) => {
    let s = gz.get(asset);
    if (s === undefined) {
      s = gzipSync(readFileSync(path.join(CLIENT_DIR, asset))).length;
      gz.set(asset, s);
    }
    return s;
  };
  const out: Record<string, number> = {};
  for (const route of Object.values(manifest.routes)) {
    // Resource routes (files, redirects) have no module the browser loads on their own.
    if (!route.module || Object.values(manifest.routes).some((r) => r.parentId === route.id)) continue;
    const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports, `/assets/${manifestFile}`]);
    for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    let bytes = 0;
    for (const f of files) bytes += size(f);
    out[route.id] = Math.round(bytes / 102.4) / 10;
  }
  return out;
}

function readdirAssets(): string[] {
  return readdirSync(path.join(CLIENT_DIR, "assets"));
}
