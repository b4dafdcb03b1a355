import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { expressMiddleware } from "@as-integrations/express5";
import { type Actor, INTERNAL_TOKEN_HEADER, InternalTokenError, verifyInternalToken } from "@dpp/auth";
import express, { type Express, type Request } from "express";
import type { DocumentNode } from "graphql";
import type { Logger } from "pino";
import {
  createServiceLogger,
  createSubgraphMetrics,
  mountMetrics,
  type PoolStats,
  subgraphObservabilityPlugin,
} from "./observability.ts";

export interface RequestIdentity {
  actor: Actor;
  requestId: string;
  /** The end caller's IP as the gateway saw it; null for services. */
  ip?: string | null;
}

export interface SubgraphAppOptions<TContext> {
  name: string;
  typeDefs: DocumentNode;
  // biome-ignore lint/suspicious/noExplicitAny: resolver maps are typed per subgraph
  resolvers: GraphQLResolverMap<any>;
  internalTokenSecret: string;
  /** Builds the per-request context (fresh DataLoaders every request: never shared across tenants). */
  context: (identity: RequestIdentity) => TContext | Promise<TContext>;
  /** Readiness: e.g. `select 1` against the database. */
  health: () => Promise<void>;
  /** Extra routes (e.g. JWKS) mounted before /graphql. */
  routes?: (app: Express) => void;
  /** Mask internal errors (production). */
  maskErrors?: boolean;
  /** Default: pino JSON on stdout at LOG_LEVEL, with the service name. */
  logger?: Logger;
  /** The database pool's connections, for `db_pool_connections` on /metrics. */
  poolStats?: () => Promise<PoolStats>;
}

/**
 * A federated subgraph on express: /health, and /graphql that only accepts requests carrying
 * the gateway's (or a service's) signed internal token. Returns the app and a stop function.
 */
export async function createSubgraphApp<TContext extends object>(opts: SubgraphAppOptions<TContext>) {
  const logger = opts.logger ?? createServiceLogger(opts.name);
  const metrics = createSubgraphMetrics(opts.name, opts.poolStats);
  const apollo = new ApolloServer<TContext & RequestIdentity>({
    schema: buildSubgraphSchema([{ typeDefs: opts.typeDefs, resolvers: opts.resolvers }]),
    plugins: [
      // Neither plugin's per-field hooks are wanted: no traces to the gateway, no cache hints.
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      subgraphObservabilityPlugin(logger, metrics),
    ],
    csrfPrevention: true,
    introspection: true,
    includeStacktraceInErrorResponses: !opts.maskErrors,
    formatError: (formatted) => {
      const code = formatted.extensions?.code;
      if (opts.maskErrors && (code === "INTERNAL_SERVER_ERROR" || code === undefined)) {
        // Logged with its stack and the request id by subgraphObservabilityPlugin.
        return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
      }
      return formatted;
    },
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.get("/health", async (_req, res) => {
    try {
      await opts.health();
      res.json({ status: "ok", service: opts.name });
    } catch {
      res.status(503).json({ status: "unavailable", service: opts.name });
    }
  });
  mountMetrics(app, metrics.registry);
  opts.routes?.(app);

  app.use("/graphql", async (req, res, next) => {
    try {
      (req as Request & { identity?: RequestIdentity }).identity = await verifyInternalToken(
        req.header(INTERNAL_TOKEN_HEADER),
        opts.internalTokenSecret,
      );
      next();
    } catch (error) {
      const message = error instanceof InternalTokenError ? error.message : "forbidden";
      res
        .status(401)
        .json({ errors: [{ message: `${opts.name}: ${message}`, extensions: { code: "UNAUTHENTICATED" } }] });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: "2mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const identity = (req as Request & { identity: RequestIdentity }).identity;
        return { ...(await opts.context(identity)), ...identity };
      },
    }),
  );

  return { app, apollo, metrics, logger, stop: () => apollo.stop() };
}
