import { INTERNAL_TOKEN_HEADER, signInternalToken } from "@dpp/auth";
import { gql } from "graphql-tag";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listen } from "./listen.ts";
import { createSubgraphApp } from "./subgraph-app.ts";

const SECRET = "observability-test-secret-0123456789";
const lines: Record<string, unknown>[] = [];
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  const sub = await createSubgraphApp({
    name: "demo",
    typeDefs: gql`
      type Query {
        hello: String!
        broken: String!
      }
    `,
    resolvers: {
      Query: {
        hello: () => "привет",
        broken: () => {
          throw new Error("relation demo.secret_table does not exist");
        },
      },
    },
    internalTokenSecret: SECRET,
    maskErrors: true,
    context: () => ({}),
    health: async () => {},
    logger: pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line)) }),
    poolStats: async () => ({ active: 1, idle: 3, max: 10 }),
  });
  const l = await listen(sub.app, 0);
  url = l.url;
  stop = async () => {
    await l.close();
    await sub.stop();
  };
});

afterAll(() => stop?.());

async function ask(query: string, requestId: string) {
  const token = await signInternalToken(
    { actor: { kind: "service", service: "gateway", tenantId: null }, requestId },
    SECRET,
  );
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({ query }),
  });
  return res.json() as Promise<{ data?: unknown; errors?: { message: string }[] }>;
}

it("logs each operation with the gateway's request id, internal errors with their cause (not sent)", async () => {
  expect(await ask("query Hello { hello }", "req-hello-0001")).toEqual({ data: { hello: "привет" } });
  const failed = await ask("query Broken { broken }", "req-broken-0002");
  expect(failed.errors?.[0]?.message).toBe("Internal server error");
  expect(lines).toContainEqual(
    expect.objectContaining({ requestId: "req-hello-0001", operation: "Hello", msg: "graphql" }),
  );
  const error = lines.find((l) => l.requestId === "req-broken-0002" && l.level === 50);
  expect(error).toMatchObject({ operation: "Broken", code: "INTERNAL_SERVER_ERROR" });
  expect(JSON.stringify(error)).toContain("secret_table");
});

it("serves Prometheus metrics: latency per operation, errors by code, DB pool", async () => {
  const res = await fetch(`${url}/metrics`);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  expect(text).toMatch(/subgraph_operation_duration_seconds_count\{[^}]*operation="Hello"[^}]*outcome="ok"[^}]*\} 1/);
  expect(text).toMatch(/subgraph_errors_total\{[^}]*operation="Broken",code="INTERNAL_SERVER_ERROR"[^}]*\} 1/);
  expect(text).toMatch(/db_pool_connections\{[^}]*state="idle"[^}]*\} 3/);
  expect(text).toContain('service="demo"');
});
