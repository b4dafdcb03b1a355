import path from "node:path";
import { ConfigError } from "@dpp/config";
import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config.ts";
import { repoRoot } from "./subgraphs.ts";

const SECRET = "x".repeat(32);

describe("loadGatewayConfig", () => {
  it("defaults to the local ports, identity's JWKS and the checked-in supergraph", () => {
    const c = loadGatewayConfig({ INTERNAL_TOKEN_SECRET: SECRET });
    expect(c.http).toEqual({ host: "127.0.0.1", port: 4000 });
    expect(c.subgraphUrls).toEqual({
      identity: "http://127.0.0.1:4001/graphql",
      catalog: "http://127.0.0.1:4002/graphql",
      orders: "http://127.0.0.1:4003/graphql",
      finance: "http://127.0.0.1:4004/graphql",
      inventory: "http://127.0.0.1:4005/graphql",
    });
    expect(c.auth).toEqual({ issuer: "dpp-identity", jwksUrl: "http://127.0.0.1:4001/.well-known/jwks.json" });
    expect(c.supergraphPath).toBe(path.join(repoRoot, "schema", "supergraph.graphql"));
  });

  it("takes base URLs from the environment and appends the paths", () => {
    const c = loadGatewayConfig({
      INTERNAL_TOKEN_SECRET: SECRET,
      IDENTITY_URL: "http://identity:8080/",
      CATALOG_URL: "https://catalog.internal",
      SUPERGRAPH_PATH: "/etc/dpp/supergraph.graphql",
    });
    expect(c.subgraphUrls.catalog).toBe("https://catalog.internal/graphql");
    expect(c.auth.jwksUrl).toBe("http://identity:8080/.well-known/jwks.json");
    expect(c.supergraphPath).toBe("/etc/dpp/supergraph.graphql");
  });

  it("fails with one readable line per problem", () => {
    expect(() => loadGatewayConfig({ INTERNAL_TOKEN_SECRET: "short", ORDERS_URL: "orders:4003" })).toThrow(ConfigError);
    try {
      loadGatewayConfig({ INTERNAL_TOKEN_SECRET: "short", ORDERS_URL: "orders:4003" });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        "INTERNAL_TOKEN_SECRET: must be at least 32 characters",
        "ORDERS_URL: must be an http(s):// URL",
      ]);
    }
  });
});
