import { readFileSync } from "node:fs";
import { createServer } from "@dpp/gateway";
import { listen } from "@dpp/server";
import { pino } from "pino";
import { type Stats, sequential } from "./src/measure.ts";
import { BENCH_SECRET, startBenchStack } from "./src/stack.ts";

/**
 * What the gateway's protections cost per request: the same requests through two gateways on
 * the same subgraphs, one with every protection (limits, introspection rule, trusted documents,
 * rate limits; rate limits set high enough not to refuse) and one without. Two requests: the
 * cheapest possible (`{ __typename }`, no subgraph call, so the difference is the protections)
 * and a realistic federated page of products.
 */
export async function gatewayProtections(opts: { smoke: boolean }) {
  const n = opts.smoke ? 30 : 1000;
  const stack = await startBenchStack();
  const stops: (() => Promise<void>)[] = [];
  try {
    const urls = stack.platform.urls;
    const gateway = async (protections: boolean) => {
      const server = await createServer({
        supergraphSdl: readFileSync(new URL("../schema/supergraph.graphql", import.meta.url), "utf8"),
        subgraphUrls: Object.fromEntries(
          (["identity", "catalog", "orders", "finance", "inventory"] as const).map((s) => [s, `${urls[s]}/graphql`]),
        ),
        jwksUrl: `${urls.identity}/.well-known/jwks.json`,
        issuer: "dpp-identity",
        internalTokenSecret: BENCH_SECRET,
        maskErrors: true,
        protections,
        rateLimits: { perTenant: 1e9, perAnonymousIp: 1e9, perApiKey: 1e9 },
        logger: pino({ level: "silent" }),
      });
      const l = await listen(server.app, 0);
      stops.push(async () => {
        await l.close();
        await server.stop();
      });
      return `${l.url}/graphql`;
    };
    const on = await gateway(true);
    const off = await gateway(false);
    const login = await post(on, {
      query: `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
      variables: { i: { email: "dealer@keaz.demo", password: "Demo-2026", tenantSlug: "keaz" } },
    });
    const token = (login.data as { login: { accessToken?: string } }).login.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
    const bearer = { authorization: `Bearer ${token}` };
    const page = `query BenchPage { products(first: 20) { nodes { id article name price { base { amount } yours { amount } } stock { warehouse { code } quantity display } } } }`;
    const run = (url: string, query: string) => () => ok(post(url, { query }, bearer));

    const results: Record<string, Stats | number> = {};
    // Interleaved so both see the same machine load.
    results.typenameWithout = await sequential(run(off, "{ __typename }"), n, 50);
    results.typenameWith = await sequential(run(on, "{ __typename }"), n, 50);
    results.pageWithout = await sequential(run(off, page), n, 20);
    results.pageWith = await sequential(run(on, page), n, 20);
    const t = (k: string) => (results[k] as Stats).p50;
    results.typenameOverheadP50Ms = Math.round((t("typenameWith") - t("typenameWithout")) * 1000) / 1000;
    results.pageOverheadP50Ms = Math.round((t("pageWith") - t("pageWithout")) * 1000) / 1000;
    return results;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await stack.stop();
  }
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

async function ok(p: Promise<{ errors?: unknown[] }>): Promise<void> {
  const r = await p;
  if (r.errors) throw new Error(`bench query failed: ${JSON.stringify(r.errors)}`);
}
