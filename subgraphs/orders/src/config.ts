import { httpUrl, loadConfig, port, subgraphEnv } from "@dpp/config";

const schema = subgraphEnv
  .extend({
    PORT: port(4003),
    CATALOG_URL: httpUrl,
    FINANCE_URL: httpUrl,
    INVENTORY_URL: httpUrl,
    IDENTITY_URL: httpUrl,
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    database: { url: env.DATABASE_URL },
    internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
    catalog: { url: env.CATALOG_URL },
    finance: { url: env.FINANCE_URL },
    inventory: { url: env.INVENTORY_URL },
    identity: { url: env.IDENTITY_URL },
    logLevel: env.LOG_LEVEL,
  }));

export type OrdersConfig = ReturnType<typeof schema.parse>;
export const loadOrdersConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig("orders", schema, env);
