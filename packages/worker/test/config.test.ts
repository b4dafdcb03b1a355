import { ConfigError } from "@dpp/config";
import { describe, expect, it } from "vitest";
import { DEFAULT_OUTBOX_SCHEMAS, loadWorkerConfig } from "../src/index.ts";

const base = {
  DATABASE_URL: "postgres://dpp_app:secret@127.0.0.1:5432/dealer",
  INTERNAL_TOKEN_SECRET: "x".repeat(32),
};

describe("loadWorkerConfig", () => {
  it("fills in the defaults: queue on DATABASE_URL, dev mailbox, identity on 4001, health on 4006", () => {
    expect(loadWorkerConfig(base)).toEqual({
      env: "development",
      http: { host: "127.0.0.1", port: 4006 },
      database: { url: base.DATABASE_URL },
      queue: { url: base.DATABASE_URL, concurrency: 4 },
      outboxSchemas: [...DEFAULT_OUTBOX_SCHEMAS],
      identityUrl: "http://127.0.0.1:4001",
      catalogUrl: "http://127.0.0.1:4002",
      financeUrl: "http://127.0.0.1:4004",
      inventoryUrl: "http://127.0.0.1:4005",
      ordersUrl: "http://127.0.0.1:4003",
      portalUrl: "http://localhost:3000",
      internalTokenSecret: base.INTERNAL_TOKEN_SECRET,
      mail: { kind: "dev-mailbox", from: "Дилерский портал <no-reply@dealer-portal.local>" },
      sms: { kind: "none" },
      webhooks: { maxAttempts: 8, timeoutMs: 10_000, allowPrivateAddresses: true },
    });
  });

  it.each([
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_URLS: "true" }, true],
    [{ NODE_ENV: "test" }, true],
    [{ NODE_ENV: "development", WEBHOOK_ALLOW_PRIVATE_URLS: "false" }, false],
  ])("webhooks to private addresses with %j: %s", (env, allowed) => {
    expect(loadWorkerConfig({ ...base, ...env }).webhooks.allowPrivateAddresses).toBe(allowed);
  });

  it("reads the queue URL, SMTP, concurrency and schemas", () => {
    const config = loadWorkerConfig({
      ...base,
      QUEUE_DATABASE_URL: "postgres://postgres:admin@127.0.0.1:5432/dealer",
      SMTP_URL: "smtp://mailpit:1025",
      MAIL_FROM: "Портал <portal@example.ru>",
      WORKER_CONCURRENCY: "8",
      OUTBOX_SCHEMAS: "orders, finance",
    });
    expect(config.queue).toEqual({ url: "postgres://postgres:admin@127.0.0.1:5432/dealer", concurrency: 8 });
    expect(config.mail).toEqual({ kind: "smtp", url: "smtp://mailpit:1025", from: "Портал <portal@example.ru>" });
    expect(config.outboxSchemas).toEqual(["orders", "finance"]);
  });

  it("names every problem at once", () => {
    let error: unknown;
    try {
      loadWorkerConfig({ SMTP_URL: "mailpit:1025", WORKER_CONCURRENCY: "0", OUTBOX_SCHEMAS: "orders;drop" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const key of ["DATABASE_URL", "INTERNAL_TOKEN_SECRET", "SMTP_URL", "WORKER_CONCURRENCY", "OUTBOX_SCHEMAS"]) {
      expect(problems).toContain(`${key}:`);
    }
  });
});
