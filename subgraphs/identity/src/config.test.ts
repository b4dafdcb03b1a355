import { ConfigError } from "@dpp/config";
import { describe, expect, it } from "vitest";
import { loadIdentityConfig } from "./config.ts";

const base = {
  DATABASE_URL: "postgres://u:p@localhost:5432/dealer",
  INTERNAL_TOKEN_SECRET: "x".repeat(32),
};

describe("loadIdentityConfig", () => {
  it("fills the defaults", () => {
    const c = loadIdentityConfig(base);
    expect(c.http.port).toBe(4001);
    expect(c.tokens).toEqual({
      issuer: "dpp-identity",
      accessTtlSeconds: 900,
      refreshTtlSeconds: 2_592_000,
      publishDelaySeconds: 65,
      signingKey: { source: "database" },
    });
  });

  it.each([
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_URLS: "true" }, true],
    [{ NODE_ENV: "development" }, true],
  ])("webhook URLs on private networks with %j: %s", (env, allowed) => {
    expect(loadIdentityConfig({ ...base, ...env }).webhooks.allowPrivateUrls).toBe(allowed);
  });

  it.each([
    [
      { ACCESS_TOKEN_TTL_SECONDS: "60", JWT_ISSUER: "me" },
      { accessTtlSeconds: 60, issuer: "me" },
    ],
    [
      { JWT_PRIVATE_KEY_PEM: "-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----" },
      { signingKey: { source: "pem", pem: "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----" } },
    ],
  ])("reads %j", (env, want) => {
    expect(loadIdentityConfig({ ...base, ...env }).tokens).toMatchObject(want);
  });

  it.each([
    [{ ACCESS_TOKEN_TTL_SECONDS: "0" }, "ACCESS_TOKEN_TTL_SECONDS"],
    [{ REFRESH_TOKEN_TTL_SECONDS: "soon" }, "REFRESH_TOKEN_TTL_SECONDS"],
    [{ JWT_PRIVATE_KEY_PEM: "not a key" }, "JWT_PRIVATE_KEY_PEM"],
  ])("refuses %j", (env, variable) => {
    expect(() => loadIdentityConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ ...base, ...env })).toThrow(variable);
  });
});
