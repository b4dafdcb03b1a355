import { httpUrl, loadConfig, port, subgraphEnv } from "@dpp/config";

const schema = subgraphEnv
  .extend({
    PORT: port(4005),
    CATALOG_URL: httpUrl.default("http://127.0.0.1:4002"),
    ORDERS_URL: httpUrl.default("http://127.0.0.1:4003"),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    database: { url: env.DATABASE_URL },
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    catalogUrl: env.CATALOG_URL,
    ordersUrl: env.ORDERS_URL,
    logLevel: env.LOG_LEVEL,
  }));

export type InventoryConfig = ReturnType<typeof schema.parse>;
export const loadInventoryConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig("inventory", schema, env);
