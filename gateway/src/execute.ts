import type { ApolloServer, HTTPGraphQLResponse } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { type DocumentNode, getOperationAST, parse } from "graphql";
import { LRUCache } from "lru-cache";

/**
 * Serves /graphql with Apollo Server (what @as-integrations/express5 does, without the ETag
 * hash of every response), with safe in-flight deduplication: while a query is being executed,
 * an identical request from the SAME caller (same credentials and verified actor, same address,
 * same Accept, same operation, variables and extensions) waits for it and gets its answer
 * instead of executing it again. Only queries are shared (never mutations), only answers without
 * errors (each caller gets its own request id on its errors), and nothing is kept once the
 * execution ends: this is not a cache.
 */
export interface GraphqlHandlerOptions<TContext> {
  context: (req: Request, res: Response) => Promise<TContext>;
  /** The caller's identity for sharing, or undefined to never share this request. */
  callerKey?: (req: Request, res: Response) => string | undefined;
  /** A request answered with another's execution (log and metrics: Apollo's plugins did not run for it). */
  onShared?: (req: Request, res: Response, operationName: string | undefined, ms: number) => void;
}

/** Encoded once: every caller sharing it gets the same bytes. */
type Answer = { status: number; headers: [string, string][]; body: Buffer };

export function graphqlHandler<TContext extends object>(
  apollo: ApolloServer<TContext>,
  opts: GraphqlHandlerOptions<TContext>,
): RequestHandler {
  const inflight = new Map<string, Promise<Answer | undefined>>();
  const operationTypes = new LRUCache<string, Map<string, string>>({ max: 1000 });

  const isQuery = (query: string, operationName: string | undefined): boolean => {
    let types = operationTypes.get(query);
    if (!types) {
      types = new Map();
      let doc: DocumentNode | undefined;
      try {
        doc = parse(query);
      } catch {
        doc = undefined;
      }
      for (const def of doc?.definitions ?? []) {
        if (def.kind === "OperationDefinition") types.set(def.name?.value ?? "", def.operation);
      }
      if (doc && types.size === 1) types.set("", getOperationAST(doc)?.operation ?? "");
      operationTypes.set(query, types);
    }
    return types.get(operationName ?? "") === "query";
  };

  const execute = async (req: Request, res: Response): Promise<HTTPGraphQLResponse> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const q = req.url.indexOf("?");
    return apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: q < 0 ? "" : req.url.slice(q),
        body: req.body,
      },
      context: () => opts.context(req, res),
    });
  };

  const shareKey = (req: Request, res: Response): string | undefined => {
    if (!opts.callerKey || req.method !== "POST") return undefined;
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown };
    if (typeof body !== "object" || body === null || Array.isArray(body) || typeof body.query !== "string")
      return undefined;
    const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
    if (!isQuery(body.query, operationName)) return undefined;
    const caller = opts.callerKey(req, res);
    if (caller === undefined) return undefined;
    return JSON.stringify([
      caller,
      req.header("accept") ?? "",
      body.query,
      operationName,
      body.variables,
      body.extensions,
    ]);
  };

  return async (req, res, next) => {
    try {
      const key = shareKey(req, res);
      const running = key === undefined ? undefined : inflight.get(key);
      if (running) {
        const started = performance.now();
        const answer = await running;
        if (answer) {
          opts.onShared?.(
            req,
            res,
            (req.body as { operationName?: string }).operationName,
            performance.now() - started,
          );
          return write(res, answer);
        }
        // The first caller's answer had errors: this caller's request is executed on its own.
      }
      if (key === undefined || running) return send(res, await execute(req, res));
      let settle: (a: Answer | undefined) => void = () => {};
      inflight.set(key, new Promise((resolve) => (settle = resolve)));
      try {
        const response = await execute(req, res);
        const answer = shareable(response);
        settle(answer);
        if (answer) return write(res, answer);
        return send(res, response);
      } catch (error) {
        settle(undefined);
        throw error;
      } finally {
        inflight.delete(key);
      }
    } catch (error) {
      next(error);
    }
  };
}

/** A complete 200 answer without errors (Apollo writes "errors" first when there are any). */
function shareable(response: HTTPGraphQLResponse): Answer | undefined {
  if ((response.status ?? 200) !== 200 || response.body.kind !== "complete") return undefined;
  if (!response.body.string.startsWith('{"data"')) return undefined;
  return { status: 200, headers: [...response.headers], body: Buffer.from(response.body.string) };
}

function write(res: Response, answer: Answer): void {
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status;
  res.end(answer.body);
}

async function send(res: Response, response: HTTPGraphQLResponse): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
