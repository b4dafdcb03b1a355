import { readFileSync } from "node:fs";
import { loadCatalogConfig } from "@dpp/catalog";
import { loadFinanceConfig } from "@dpp/finance";
import { loadGatewayConfig } from "@dpp/gateway";
import { loadIdentityConfig } from "@dpp/identity";
import { loadInventoryConfig } from "@dpp/inventory";
import { loadOrdersConfig } from "@dpp/orders";
import { loadPortalConfig } from "@dpp/portal";
import { loadWorkerConfig } from "@dpp/worker";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadDevstackConfig, REPO_ROOT } from "../src/config.ts";

interface ComposeService {
  environment?: Record<string, string | number>;
  healthcheck?: unknown;
  command?: string[];
  depends_on?: Record<string, unknown>;
}
const compose = parse(readFileSync(`${REPO_ROOT}/docker-compose.yml`, "utf8"), { merge: true }) as {
  services: Record<string, ComposeService>;
};

type Loader = (env: Record<string, string | undefined>) => unknown;
/** Each service in docker-compose.yml and the config schema its process validates at start. */
const loaders: Record<string, Loader> = {
  migrate: loadDevstackConfig,
  identity: loadIdentityConfig,
  catalog: loadCatalogConfig,
  orders: loadOrdersConfig,
  finance: loadFinanceConfig,
  inventory: loadInventoryConfig,
  gateway: loadGatewayConfig,
  worker: loadWorkerConfig,
  portal: loadPortalConfig,
};
const infrastructure = new Set(["postgres", "mailpit"]);

const envOf = (s: ComposeService) =>
  Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, String(v)])) as Record<string, string>;

describe("docker-compose.yml", () => {
  it("has a config schema for every application service, and nothing unchecked", () => {
    const app = Object.keys(compose.services).filter((n) => !infrastructure.has(n));
    expect(app.sort()).toEqual(Object.keys(loaders).sort());
  });

  it.each(Object.keys(loaders))("%s: its environment passes the service's config schema", (name) => {
    const service = compose.services[name];
    expect(service, `${name} missing from docker-compose.yml`).toBeDefined();
    const loader = loaders[name] as Loader;
    expect(() => loader(envOf(service as ComposeService))).not.toThrow();
  });

  it.each(Object.keys(loaders).filter((n) => n !== "migrate"))("%s: has a health check", (name) => {
    expect(compose.services[name]?.healthcheck).toBeDefined();
  });

  it("points every service URL at a service that exists", () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(envOf(s))) {
        const m = /^(?:https?|postgres|smtp):\/\/(?:[^@/]*@)?([a-z0-9-]+):\d+/.exec(value);
        if (!m) continue;
        expect(compose.services[m[1] as string], `${name}.${key} -> ${m[1]}`).toBeDefined();
      }
    }
  });

  it("a missing setting fails with one readable line naming it", () => {
    const env = envOf(compose.services.catalog as ComposeService);
    delete env.DATABASE_URL;
    env.INTERNAL_TOKEN_SECRET = "short";
    expect(() => loadCatalogConfig(env)).toThrowError(
      /DATABASE_URL: is required[\s\S]*INTERNAL_TOKEN_SECRET: must be at least 32 characters/,
    );
  });
});
