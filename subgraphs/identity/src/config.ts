import { httpUrl, loadConfig, port, subgraphEnv, z } from "@dpp/config";

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = subgraphEnv
  .extend({
    PORT: port(4001),
    /** Orders: the tenant's current workflow, against which document statuses are checked. */
    ORDERS_URL: httpUrl.default("http://127.0.0.1:4003"),
    JWT_ISSUER: z.string().min(1).default("dpp-identity"),
    ACCESS_TOKEN_TTL_SECONDS: seconds(900),
    REFRESH_TOKEN_TTL_SECONDS: seconds(2_592_000),
    /** After a rotation the new key only signs this much later (≥ 30 s refresh + the gateway's JWKS cooldown). */
    SIGNING_KEY_PUBLISH_DELAY_SECONDS: seconds(65),
    /** Webhook URLs on localhost/private networks: allowed in development and test, refused in production unless true. */
    WEBHOOK_ALLOW_PRIVATE_URLS: z.enum(["true", "false"]).optional(),
    JWT_PRIVATE_KEY_PEM: z
      .string()
      .includes("-----BEGIN PRIVATE KEY-----", { message: "must be a PKCS8 PEM (-----BEGIN PRIVATE KEY-----)" })
      .optional(),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    database: { url: env.DATABASE_URL },
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    logLevel: env.LOG_LEVEL,
    ordersUrl: env.ORDERS_URL,
    webhooks: {
      allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS
        ? env.WEBHOOK_ALLOW_PRIVATE_URLS === "true"
        : env.NODE_ENV !== "production",
    },
    tokens: {
      issuer: env.JWT_ISSUER,
      accessTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
      publishDelaySeconds: env.SIGNING_KEY_PUBLISH_DELAY_SECONDS,
      /** Where the signing key comes from: the environment, or generated and kept in the database. */
      signingKey: env.JWT_PRIVATE_KEY_PEM
        ? ({ source: "pem", pem: env.JWT_PRIVATE_KEY_PEM.replaceAll("\\n", "\n") } as const)
        : ({ source: "database" } as const),
    },
  }));

export type IdentityConfig = ReturnType<typeof schema.parse>;
export const loadIdentityConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig("identity", schema, env);
