import { loadConfig, port, subgraphEnv } from "@dpp/config";

const schema = subgraphEnv.extend({ PORT: port(4004) }).transform((env) => ({
  env: env.NODE_ENV,
  http: { host: env.HOST, port: env.PORT },
  database: { url: env.DATABASE_URL },
  internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
  logLevel: env.LOG_LEVEL,
}));

export type FinanceConfig = ReturnType<typeof schema.parse>;
export const loadFinanceConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig("finance", schema, env);
