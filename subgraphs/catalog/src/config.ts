import { httpUrl, loadConfig, port, subgraphEnv } from "@dpp/config";

const schema = subgraphEnv
  .extend({
    PORT: port(4002),
    IDENTITY_URL: httpUrl.default("http://127.0.0.1:4001"),
    ORDERS_URL: httpUrl.default("http://127.0.0.1:4003"),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    database: { url: env.DATABASE_URL },
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    logLevel: env.LOG_LEVEL,
    identityUrl: env.IDENTITY_URL,
    ordersUrl: env.ORDERS_URL,
  }));

export type CatalogConfig = ReturnType<typeof schema.parse>;
export const loadCatalogConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig("catalog", schema, env);
