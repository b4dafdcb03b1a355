import path from "node:path";
import { httpUrl, loadConfig, nodeEnv, port, secret, z } from "@dpp/config";
import { repoRoot, type SubgraphName, subgraphs } from "./subgraphs.ts";

const base = (name: SubgraphName) => {
  const def = subgraphs.find((s) => s.name === name);
  return httpUrl.default(`http://127.0.0.1:${def?.port ?? 0}`);
};
const trimSlash = (url: string) => url.replace(/\/+$/, "");

const schema = z
  .object({
    NODE_ENV: nodeEnv,
    HOST: z.string().default("127.0.0.1"),
    PORT: port(4000),
    INTERNAL_TOKEN_SECRET: secret,
    /** Each subgraph's http base URL; /graphql is appended. */
    IDENTITY_URL: base("identity"),
    CATALOG_URL: base("catalog"),
    ORDERS_URL: base("orders"),
    FINANCE_URL: base("finance"),
    INVENTORY_URL: base("inventory"),
    JWT_ISSUER: z.string().min(1).default("dpp-identity"),
    /** Relative paths are resolved from the repository root. */
    SUPERGRAPH_PATH: z.string().min(1).default("schema/supergraph.graphql"),
    /** The portal's persisted operations (trusted documents); relative to the repository root. */
    PERSISTED_OPERATIONS_PATH: z.string().min(1).default("schema/operations/portal.json"),
    /** Shared with the portal: a request saying it is the portal must be signed with it. */
    PORTAL_CLIENT_SECRET: secret.optional(),
    /** Introspection for everyone in production (staff always may). */
    INTROSPECTION: z.enum(["true", "false"]).default("false"),
    /** GraphiQL at /explorer: on in development and test, off in production unless true. */
    EXPLORER: z.enum(["true", "false"]).optional(),
  })
  .transform((env) => {
    const urls: Record<SubgraphName, string> = {
      identity: trimSlash(env.IDENTITY_URL),
      catalog: trimSlash(env.CATALOG_URL),
      orders: trimSlash(env.ORDERS_URL),
      finance: trimSlash(env.FINANCE_URL),
      inventory: trimSlash(env.INVENTORY_URL),
    };
    return {
      env: env.NODE_ENV,
      http: { host: env.HOST, port: env.PORT },
      internalTokenSecret: env.INTERNAL_TOKEN_SECRET,
      subgraphUrls: Object.fromEntries(Object.entries(urls).map(([name, url]) => [name, `${url}/graphql`])) as Record<
        SubgraphName,
        string
      >,
      auth: { issuer: env.JWT_ISSUER, jwksUrl: `${urls.identity}/.well-known/jwks.json` },
      supergraphPath: path.resolve(repoRoot, env.SUPERGRAPH_PATH),
      persistedOperationsPath: path.resolve(repoRoot, env.PERSISTED_OPERATIONS_PATH),
      portalClientSecret: env.PORTAL_CLIENT_SECRET,
      introspection: env.INTROSPECTION === "true",
      explorer: env.EXPLORER ? env.EXPLORER === "true" : env.NODE_ENV !== "production",
    };
  });

export type GatewayConfig = z.output<typeof schema>;
export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env): GatewayConfig =>
  loadConfig("gateway", schema, env);
