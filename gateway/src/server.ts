import { randomUUID } from "node:crypto";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  AccessTokenError,
  type Actor,
  ANONYMOUS,
  actorTenant,
  REQUEST_ID_HEADER,
  signInternalToken,
  verifyAccessToken,
} from "@dpp/auth";
import express, { type Request, type Response } from "express";
import { createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, errors as joseErrors } from "jose";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { createApiKeyActors } from "./api-keys.ts";
import { graphqlHandler } from "./execute.ts";
import { mountExplorer } from "./explorer.ts";
import { introspectionPlugin } from "./introspection.ts";
import { batchLimit, bodyErrors, DEFAULT_LIMITS, type Limits, limitErrorOf, limitRules } from "./limits.ts";
import {
  countRefusals,
  createGatewayMetrics,
  createLogger,
  observabilityPlugin,
  traceMiddleware,
} from "./observability.ts";
import { DEFAULT_RATE_LIMITS, type RateLimits, rateLimit } from "./rate-limit.ts";
import { SubgraphClient } from "./subgraph-client.ts";
import { repoRoot } from "./subgraphs.ts";
import { CLIENT_HEADER, loadManifest, type PersistedManifest, trustedDocuments } from "./trusted-documents.ts";

const DEFAULT_MANIFEST_PATH = `${repoRoot}schema/operations/portal.json`;

export interface GatewayDeps {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name -> /graphql URL; the supergraph's routing URLs are only defaults. */
  subgraphUrls: Record<string, string>;
  /** Identity's JWKS (public keys that verify access tokens). */
  jwksUrl: string;
  /** Expected `iss` of access tokens. */
  issuer: string;
  /**
   * Least time between two JWKS fetches triggered by an unknown kid (default 30 000, jose's).
   * Identity's publish delay for a rotated key must exceed it (identity's KeyTiming).
   */
  jwksCooldownMs?: number;
  /** HS256 secret of the internal token the subgraphs verify. */
  internalTokenSecret: string;
  /** Production: mask internal errors, no stack traces, no landing page, no introspection. */
  maskErrors?: boolean;
  /**
   * @apollo/gateway sends usage metrics to Apollo and probes cloud metadata endpoints at start
   * unless APOLLO_TELEMETRY_DISABLED is set. Off unless asked for (default false).
   */
  apolloTelemetry?: boolean;
  /** Depth, aliases, tokens, cost, directives, batch and body limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** Per API key / tenant / anonymous address; false turns rate limiting off. */
  rateLimits?: Partial<RateLimits> | false;
  /** Introspection for everyone even when masking (the INTROSPECTION flag); staff always may. */
  introspection?: boolean;
  /** Trusted documents of browser sessions; default: the checked-in schema/operations/portal.json. */
  persistedDocuments?: {
    manifest: PersistedManifest;
    /** Default: "enforce" when masking errors (production), else "warn". */
    mode?: "enforce" | "warn";
    clientSecret?: string;
  };
  /** Default: pino JSON on stdout at LOG_LEVEL. */
  logger?: Logger;
  /** GraphiQL at /explorer (default: on unless masking errors, i.e. off in production unless EXPLORER=true). */
  explorer?: boolean;
  /**
   * Every protection above on (default). Off only to measure what they cost (bench/gateway-protections.ts):
   * the gateway as it was, with Apollo's CSRF prevention and body limit only.
   */
  protections?: boolean;
  /**
   * Safe in-flight deduplication (default true): an identical query from the same caller (same
   * credentials, actor, address, operation and variables) while one is running shares its answer
   * (gateway/src/execute.ts). False executes every request (bench/guild: "every request executed").
   */
  deduplicate?: boolean;
}

/** What every request carries through the gateway: the verified caller and the request id. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** The signed internal token for this request, signed once and shared by all subgraph fetches. */
  internalToken: () => Promise<string>;
  /** W3C trace of this request; every subgraph fetch is a child span of it. */
  trace?: { traceId: string; flags: string };
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Accepts a caller's request id only when it is short and plain; otherwise makes a new one. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Why a request was refused before any GraphQL runs: 401 for the token, 503 when keys can't be fetched. */
class Refused extends Error {
  constructor(
    readonly status: 401 | 503,
    readonly code: "UNAUTHENTICATED" | "SERVICE_UNAVAILABLE",
    message: string,
  ) {
    super(message);
  }
}
const invalidToken = () => new Refused(401, "UNAUTHENTICATED", "Access token is invalid");

/** Builds the gateway on express: /health and /graphql. The caller listens and calls stop(). */
export async function createServer(deps: GatewayDeps) {
  // Keyed by the JWKS URL, not by tenant: holds only public keys, refetched on an unknown kid.
  const jwks = createRemoteJWKSet(new URL(deps.jwksUrl), { cooldownDuration: deps.jwksCooldownMs ?? 30_000 });
  // Read by the ApolloGateway constructor; the library offers no option for it.
  if (!deps.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const protect = deps.protections !== false;
  const limits: Limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const logger = deps.logger ?? createLogger("gateway");
  const metrics = createGatewayMetrics();
  const clients: SubgraphClient[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) => {
      const client = new SubgraphClient(name, deps.subgraphUrls[name] ?? url ?? "", metrics);
      clients.push(client);
      return client;
    },
  });
  const rules = protect ? limitRules(limits) : undefined;
  const persisted = deps.persistedDocuments ?? { manifest: loadManifest(DEFAULT_MANIFEST_PATH) };

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    // Per request (introspectionPlugin) when protected: staff and the flag may, others not in production.
    introspection: protect ? true : !deps.maskErrors,
    includeStacktraceInErrorResponses: !deps.maskErrors,
    allowBatchedHttpRequests: protect,
    // The portal's documents are persisted at build time (trusted documents); no runtime registration.
    persistedQueries: false,
    ...(rules ?? {}),
    plugins: [
      ...(deps.maskErrors ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(protect ? [introspectionPlugin(!deps.maskErrors || deps.introspection === true)] : []),
      observabilityPlugin(logger, metrics),
    ],
    formatError: (formatted, error) => {
      const limit = protect ? limitErrorOf(error, limits) : undefined;
      if (limit) return { message: limit.message, extensions: { code: limit.code } };
      const code = formatted.extensions?.code;
      if (deps.maskErrors && (code === "INTERNAL_SERVER_ERROR" || code === undefined)) {
        // Logged with the request id by observabilityPlugin; the client gets the id, not the cause.
        return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
      }
      if (deps.maskErrors && formatted.extensions && "stacktrace" in formatted.extensions) {
        // A subgraph's own stack trace travels in the extensions it returned: drop it too.
        const { stacktrace: _dropped, ...extensions } = formatted.extensions;
        return { ...formatted, extensions };
      }
      return formatted;
    },
  });
  await apollo.start();
  let ready = true;

  // A token verified once (ES256 signature, claims) is not verified again on every request:
  // keyed by the whole token, so it holds exactly what that token already proved.
  const verified = new LRUCache<string, Actor>({ max: 10_000, ttl: 60_000 });
  const apiKeyActors = createApiKeyActors({ jwksUrl: deps.jwksUrl, internalTokenSecret: deps.internalTokenSecret });
  const actorOf = async (authorization: string | undefined): Promise<Actor> => {
    if (authorization === undefined || authorization === "") return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim());
    if (!match?.[1]) throw invalidToken();
    // Identity unreachable is not the caller's fault: a 503, so clients don't drop a good token.
    let keysUnavailable = false;
    const keys: JWTVerifyGetKey = async (header, token) => {
      try {
        return await jwks(header, token);
      } catch (error) {
        keysUnavailable = !(error instanceof joseErrors.JWKSNoMatchingKey);
        throw error;
      }
    };
    const cached = verified.get(match[1]);
    if (cached) return cached;
    try {
      const actor = await verifyAccessToken(match[1], keys, { issuer: deps.issuer });
      // Never past the token's own expiry; at most a minute, so a withdrawn key stops working soon.
      const exp = decodeJwt(match[1]).exp;
      const ttl = Math.min(60_000, (exp ?? 0) * 1000 - Date.now());
      if (ttl > 0) verified.set(match[1], actor, { ttl });
      return actor;
    } catch (error) {
      if (keysUnavailable) throw new Refused(503, "SERVICE_UNAVAILABLE", "Cannot verify the access token now");
      if (error instanceof AccessTokenError && error.reason === "expired") {
        throw new Refused(401, "UNAUTHENTICATED", "Access token has expired");
      }
      throw invalidToken();
    }
  };

  const app = express();
  app.disable("x-powered-by");
  app.use((req: Request, res: Response, next) => {
    const requestId = requestIdOf(req.header(REQUEST_ID_HEADER));
    res.locals.requestId = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    next();
  });
  app.get("/metrics", async (_req, res) => {
    res.setHeader("content-type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  if (deps.explorer ?? !deps.maskErrors) mountExplorer(app);
  app.get("/health", (_req, res) => {
    if (ready) res.json({ status: "ok", service: "gateway" });
    else res.status(503).json({ status: "unavailable", service: "gateway" });
  });
  app.use("/graphql", traceMiddleware(), countRefusals(metrics));
  // The caller: anonymous without a token; a presented token must verify, else 401.
  app.use("/graphql", async (req: Request, res: Response, next) => {
    try {
      // An integrator's API key (Authorization: ApiKey … or x-api-key) becomes the same Actor as a login.
      const keyActor = await apiKeyActors.actorFor(req);
      if (keyActor === null) throw new Refused(401, "UNAUTHENTICATED", "API key is invalid or revoked");
      res.locals.actor = keyActor ?? (await actorOf(req.header("authorization")));
      next();
    } catch (error) {
      if (!(error instanceof Refused)) return next(error);
      if (error.status === 401) res.setHeader("www-authenticate", 'Bearer error="invalid_token"');
      res.status(error.status).json({
        errors: [{ message: error.message, extensions: { code: error.code, requestId: res.locals.requestId } }],
      });
    }
  });
  app.use("/graphql", express.json({ limit: protect ? limits.maxBodyBytes : "1mb" }), bodyErrors(limits));
  if (protect) {
    app.use("/graphql", batchLimit(limits));
    app.use(
      "/graphql",
      trustedDocuments({
        manifest: persisted.manifest,
        mode: persisted.mode ?? (deps.maskErrors ? "enforce" : "warn"),
        clientSecret: persisted.clientSecret,
        warn: (message) => logger.warn(message),
      }),
    );
    if (deps.rateLimits !== false) app.use("/graphql", rateLimit({ ...DEFAULT_RATE_LIMITS, ...deps.rateLimits }));
  }
  app.use(
    "/graphql",
    graphqlHandler<GatewayContext>(apollo, {
      context: async (req, res) => {
        const requestId = String(res.locals.requestId);
        const actor = res.locals.actor as Actor;
        let token: Promise<string> | undefined;
        return {
          actor,
          requestId,
          trace: res.locals.trace as GatewayContext["trace"],
          internalToken: () => {
            token ??= signInternalToken({ actor, requestId, ip: req.ip ?? null }, deps.internalTokenSecret);
            return token;
          },
        };
      },
      // Everything the answer may depend on about the caller; two callers never share.
      callerKey:
        deps.deduplicate === false
          ? undefined
          : (req, res) =>
              JSON.stringify([
                req.header("authorization") ?? "",
                req.header("x-api-key") ?? "",
                req.header(CLIENT_HEADER) ?? "",
                req.ip ?? "",
                res.locals.actor,
              ]),
      onShared: (_req, res, operationName, ms) => {
        const actor = res.locals.actor as Actor;
        metrics.operation.observe(
          { operation: operationName ?? "(anonymous)", type: "query", outcome: "ok" },
          ms / 1000,
        );
        logger.info(
          {
            requestId: res.locals.requestId,
            operation: operationName ?? null,
            tenantId: actorTenant(actor),
            ms: Math.round(ms),
            errors: 0,
            shared: true,
          },
          "graphql",
        );
      },
    }),
  );

  return {
    app,
    metrics,
    stop: async () => {
      ready = false;
      await apollo.stop();
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}
