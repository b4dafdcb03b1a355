import { httpUrl, loadConfig, port, subgraphEnv } from "@dpp/config";

const schema = subgraphEnv
  .extend({
    PORT: port(4004),
    ORDERS_URL: httpUrl.default("http://127.0.0.1:4003"),
    IDENTITY_URL: httpUrl.default("http://127.0.0.1:4001"),
    INVENTORY_URL: httpUrl.default("http://127.0.0.1:4005"),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    database: { url: env.DATABASE_URL },
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    logLevel: env.LOG_LEVEL,
    ordersUrl: env.ORDERS_URL,
    identityUrl: env.IDENTITY_URL,
    inventoryUrl: env.INVENTORY_URL,
  }));

export type FinanceConfig = ReturnType<typeof schema.parse>;
export const loadFinanceConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig("finance", schema, env);
