import { randomUUID } from "node:crypto";
import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import {
  AccessTokenError,
  type Actor,
  ANONYMOUS,
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  signInternalToken,
  verifyAccessToken,
} from "@dpp/auth";
import express, { type Request, type Response } from "express";
import { GraphQLError } from "graphql";
import { createRemoteJWKSet, type JWTVerifyGetKey, errors as joseErrors } from "jose";

export interface GatewayDeps {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name -> /graphql URL; the supergraph's routing URLs are only defaults. */
  subgraphUrls: Record<string, string>;
  /** Identity's JWKS (public keys that verify access tokens). */
  jwksUrl: string;
  /** Expected `iss` of access tokens. */
  issuer: string;
  /** HS256 secret of the internal token the subgraphs verify. */
  internalTokenSecret: string;
  /** Production: mask internal errors, no stack traces, no landing page, no introspection. */
  maskErrors?: boolean;
  /**
   * @apollo/gateway sends usage metrics to Apollo and probes cloud metadata endpoints at start
   * unless APOLLO_TELEMETRY_DISABLED is set. Off unless asked for (default false).
   */
  apolloTelemetry?: boolean;
}

/** What every request carries through the gateway: the verified caller and the request id. */
export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** The signed internal token for this request, signed once and shared by all subgraph fetches. */
  internalToken: () => Promise<string>;
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/** Accepts a caller's request id only when it is short and plain; otherwise makes a new one. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Node's built-in fetch (undici): a keep-alive connection pool per subgraph origin, so
 * subgraph calls reuse sockets instead of opening one per fetch.
 *
 * A subgraph answers a GraphQL error with an HTTP status (401 for a request without a tenant);
 * its body is still a well-formed GraphQL response (GraphQL over HTTP), so it is handed to the
 * query plan as one: the client sees the subgraph's error and code with its path, not
 * "401: Unauthorized" with the subgraph's URL and raw body in the extensions.
 */
const keepAliveFetcher: RemoteGraphQLDataSource["fetcher"] = async (url, init) => {
  const res = await fetch(url, init);
  if (res.ok || !/json/i.test(res.headers.get("content-type") ?? "")) return res;
  const text = await res.text();
  let graphqlBody = false;
  try {
    const body: unknown = JSON.parse(text);
    graphqlBody = typeof body === "object" && body !== null && Array.isArray((body as { errors?: unknown }).errors);
  } catch {
    graphqlBody = false;
  }
  return graphqlBody
    ? new Response(text, { status: 200, headers: res.headers })
    : new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
};

/** Sends only what the gateway decides: the signed identity and the request id, never a client header. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** A non-GraphQL failure (proxy page, 5xx): no subgraph URL or body in what the client sees. */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]) {
    return new GraphQLError(`Subgraph request failed: ${response.status} ${response.statusText}`.trim());
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers) return;
    const names: string[] = [];
    for (const [name] of headers) names.push(name);
    for (const name of names) if (name.toLowerCase() !== "content-type") headers.delete(name);
    // Health checks and schema loads have no request context: they go out as anonymous.
    if (typeof context.internalToken !== "function") return;
    headers.set(INTERNAL_TOKEN_HEADER, await context.internalToken());
    headers.set(REQUEST_ID_HEADER, context.requestId);
  }
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
  const jwks = createRemoteJWKSet(new URL(deps.jwksUrl));
  // Read by the ApolloGateway constructor; the library offers no option for it.
  if (!deps.apolloTelemetry) process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ url: deps.subgraphUrls[name] ?? url, fetcher: keepAliveFetcher }),
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    introspection: !deps.maskErrors,
    includeStacktraceInErrorResponses: !deps.maskErrors,
    plugins: deps.maskErrors ? [ApolloServerPluginLandingPageDisabled()] : [],
    formatError: (formatted, error) => {
      const code = formatted.extensions?.code;
      if (deps.maskErrors && (code === "INTERNAL_SERVER_ERROR" || code === undefined)) {
        console.error("[gateway]", error);
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
    try {
      return await verifyAccessToken(match[1], keys, { issuer: deps.issuer });
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
  app.get("/health", (_req, res) => {
    if (ready) res.json({ status: "ok", service: "gateway" });
    else res.status(503).json({ status: "unavailable", service: "gateway" });
  });
  // The caller: anonymous without a token; a presented token must verify, else 401.
  app.use("/graphql", async (req: Request, res: Response, next) => {
    try {
      res.locals.actor = await actorOf(req.header("authorization"));
      next();
    } catch (error) {
      if (!(error instanceof Refused)) return next(error);
      if (error.status === 401) res.setHeader("www-authenticate", 'Bearer error="invalid_token"');
      res.status(error.status).json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
    }
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const requestId = String(res.locals.requestId);
        const actor = res.locals.actor as Actor;
        let token: Promise<string> | undefined;
        return {
          actor,
          requestId,
          internalToken: () => {
            token ??= signInternalToken({ actor, requestId }, deps.internalTokenSecret);
            return token;
          },
        };
      },
    }),
  );

  return {
    app,
    stop: async () => {
      ready = false;
      await apollo.stop();
    },
  };
}
