import { STATUS_CODES } from "node:http";
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER } from "@dpp/auth";
import { GraphQLError } from "graphql";
import { Pool } from "undici";
import { childTraceparent, type GatewayMetrics } from "./observability.ts";
import type { GatewayContext } from "./server.ts";

/** Keep-alive sockets per subgraph: enough for every fetch of 50+ concurrent operations. */
const SOCKETS_PER_SUBGRAPH = 128;

/**
 * Sends the query plan's fetches to one subgraph over an undici keep-alive pool (no fetch/web
 * streams, no per-fetch Request objects: the cheapest HTTP client Node has). Sends only what the
 * gateway decides: the signed identity, the request id and the trace, never a client header.
 *
 * A subgraph answers a GraphQL error with an HTTP status (401 for a request without a tenant);
 * its body is still a well-formed GraphQL response (GraphQL over HTTP), so it is handed to the
 * query plan as one: the client sees the subgraph's error and code with its path. Any other
 * failure (proxy page, 5xx) becomes "Subgraph request failed: <status>", without the subgraph's
 * URL or body.
 */
export class SubgraphClient implements GraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    readonly name: string,
    url: string,
    private readonly metrics?: GatewayMetrics,
  ) {
    const u = new URL(url);
    this.path = `${u.pathname}${u.search}`;
    this.pool = new Pool(u.origin, { connections: SOCKETS_PER_SUBGRAPH, keepAliveTimeout: 30_000, pipelining: 1 });
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error("Missing query");
    const headers: Record<string, string> = { "content-type": "application/json" };
    // Health checks and schema loads have no request context: they go out as anonymous.
    const incoming = "incomingRequestContext" in options ? options.incomingRequestContext : undefined;
    const context = options.context as Partial<GatewayContext>;
    if (incoming && typeof context.internalToken === "function") {
      headers[INTERNAL_TOKEN_HEADER] = await context.internalToken();
      if (context.requestId) headers[REQUEST_ID_HEADER] = context.requestId;
      if (context.trace) headers.traceparent = childTraceparent(context.trace);
    }
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const end = this.metrics?.subgraphFetch.startTimer({ subgraph: this.name });
    let status: number;
    let contentType: string;
    let cacheControl: string;
    let text: string;
    try {
      const res = await this.pool.request({ path: this.path, method: "POST", headers, body });
      status = res.statusCode;
      contentType = String(res.headers["content-type"] ?? "");
      cacheControl = String(res.headers["cache-control"] ?? "");
      text = await res.body.text();
    } catch (error) {
      end?.({ status: "network_error" });
      throw error;
    }
    end?.({ status: String(status) });
    const json = /json/i.test(contentType) ? parseObject(text) : undefined;
    const ok = status >= 200 && status < 300;
    if (!ok && !Array.isArray(json?.errors)) {
      throw new GraphQLError(`Subgraph request failed: ${status} ${STATUS_CODES[status] ?? ""}`.trim());
    }
    if (!json) throw new Error(`Expected JSON response body, but received: ${text.slice(0, 200)}`);
    // As @apollo/gateway does: the subgraph's Cache-Control narrows the response's (no max-age: uncacheable).
    const policy = incoming?.overallCachePolicy;
    if (policy && "restrict" in policy) policy.restrict(cacheHint(cacheControl));
    return json as GatewayGraphQLResponse;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function cacheHint(header: string): { maxAge: number; scope?: "PRIVATE" | "PUBLIC" } {
  const maxAge = Number(/(?:^|,)\s*max-age=(\d+)\s*(?:,|$)/i.exec(header)?.[1] ?? 0);
  if (/(?:^|,)\s*private\s*(?:,|$)/i.test(header)) return { maxAge, scope: "PRIVATE" };
  if (/(?:^|,)\s*public\s*(?:,|$)/i.test(header)) return { maxAge, scope: "PUBLIC" };
  return { maxAge };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
