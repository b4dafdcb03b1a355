import { httpUrl, loadConfig, nodeEnv, port, postgresUrl, secret, z } from "@dpp/config";
import { mailEnv, smsEnv, toMailConfig, toSmsConfig } from "@dpp/mail";
import { DEFAULT_OUTBOX_SCHEMAS } from "./worker.ts";

const schemaList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0 && list.every((s) => /^[a-z_]+$/.test(s)), {
    message: "must be a comma-separated list of schema names, e.g. orders,finance",
  });

const schema = z
  .object({
    ...mailEnv.shape,
    ...smsEnv.shape,
    NODE_ENV: nodeEnv,
    HOST: z.string().default("127.0.0.1"),
    PORT: port(4006),
    DATABASE_URL: postgresUrl,
    QUEUE_DATABASE_URL: postgresUrl.optional(),
    INTERNAL_TOKEN_SECRET: secret,
    IDENTITY_URL: httpUrl.default("http://127.0.0.1:4001"),
    CATALOG_URL: httpUrl.default("http://127.0.0.1:4002"),
    FINANCE_URL: httpUrl.default("http://127.0.0.1:4004"),
    INVENTORY_URL: httpUrl.default("http://127.0.0.1:4005"),
    ORDERS_URL: httpUrl.default("http://127.0.0.1:4003"),
    /** The portal's base URL, for links in mails. */
    PORTAL_URL: httpUrl.default("http://localhost:3000"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    OUTBOX_SCHEMAS: schemaList.default(() => [...DEFAULT_OUTBOX_SCHEMAS]),
    /** Attempts per webhook delivery (graphile-worker backs off exp(n) seconds between them). */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Deliver to localhost/private networks: default in development and test only. */
    WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["true", "false"]).optional(),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    database: { url: env.DATABASE_URL },
    /** graphile-worker's connection (admin/queue role in production); defaults to DATABASE_URL. */
    queue: { url: env.QUEUE_DATABASE_URL ?? env.DATABASE_URL, concurrency: env.WORKER_CONCURRENCY },
    outboxSchemas: env.OUTBOX_SCHEMAS,
    identityUrl: env.IDENTITY_URL,
    catalogUrl: env.CATALOG_URL,
    financeUrl: env.FINANCE_URL,
    inventoryUrl: env.INVENTORY_URL,
    ordersUrl: env.ORDERS_URL,
    portalUrl: env.PORTAL_URL,
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    mail: toMailConfig(env),
    /** SMS over SMPP (SMS_SMPP_URL, SMS_SENDER); none: recorded as not configured, never sent. */
    sms: toSmsConfig(env),
    webhooks: {
      maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      allowPrivateAddresses: env.WEBHOOK_ALLOW_PRIVATE_URLS
        ? env.WEBHOOK_ALLOW_PRIVATE_URLS === "true"
        : env.NODE_ENV !== "production",
    },
  }));

export type WorkerConfig = z.output<typeof schema>;
export const loadWorkerConfig = (env: Record<string, string | undefined> = process.env): WorkerConfig =>
  loadConfig("worker", schema, env);
