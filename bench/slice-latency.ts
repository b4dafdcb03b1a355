import { INTERNAL_TOKEN_HEADER, signInternalToken } from "@dpp/auth";
import { alternating, type Stats, sequential, throughput } from "./src/measure.ts";
import { BENCH_SECRET, startBenchStack } from "./src/stack.ts";

/**
 * The foundation slice's read through the gateway vs straight to the subgraph: the same
 * catalog query both ways, and the federated catalog + inventory query through the gateway.
 */
export async function sliceLatency(opts: { smoke: boolean }) {
  const n = opts.smoke ? 30 : 300;
  const seconds = opts.smoke ? 2 : 10;
  const stack = await startBenchStack();
  try {
    const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
    if (!dealer) throw new Error("demo dealer missing");
    const login = await post(stack.platform.gatewayGraphqlUrl, {
      query: `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } ... on AuthError { message } } }`,
      variables: { i: { email: dealer.email, password: dealer.password, tenantSlug: "keaz" } },
    });
    const token = (login.data as { login: { accessToken?: string } }).login.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
      sub: string;
      tid: string;
      cid: string | null;
      roles: ("dealer_admin" | "dealer")[];
      perms: string[];
    };
    const catalogQuery = `{ products(first: 20) { nodes { id article name price { base { amount } yours { amount } } } } }`;
    const federatedQuery = `{ products(first: 20) { nodes { id article name price { base { amount } yours { amount } } stock { warehouse { code } quantity display } } } }`;
    const bearer = { authorization: `Bearer ${token}` };
    const internal = async () => ({
      [INTERNAL_TOKEN_HEADER]: await signInternalToken(
        {
          actor: {
            kind: "user",
            userId: claims.sub,
            tenantId: claims.tid,
            companyId: claims.cid,
            roles: claims.roles,
            permissions: claims.perms,
          },
          requestId: "bench",
        },
        BENCH_SECRET,
      ),
    });
    const internalHeaders = await internal();
    const viaGateway = () => ok(post(stack.platform.gatewayGraphqlUrl, { query: catalogQuery }, bearer));
    const direct = () => ok(post(`${stack.platform.urls.catalog}/graphql`, { query: catalogQuery }, internalHeaders));
    const federated = () => ok(post(stack.platform.gatewayGraphqlUrl, { query: federatedQuery }, bearer));

    const results: Record<string, Stats | number> = {};
    results.directSubgraphLatency = await sequential(direct, n, 20);
    results.gatewayLatency = await sequential(viaGateway, n, 20);
    results.gatewayFederatedLatency = await sequential(federated, n, 20);
    // Goal ≤ 1 ms: what the gateway adds to a one-subgraph query (token checks, plan, fetch, merge),
    // measured alternately (direct, gateway, direct, …) so that both see the same machine load.
    const [direct2, gateway2] = await alternating(direct, viaGateway, n, 20);
    results.overheadDirect = direct2;
    results.overheadGateway = gateway2;
    results.gatewayOverheadP50Ms = Math.round((gateway2.p50 - direct2.p50) * 100) / 100;
    results.directSubgraphRps = await throughput(direct, 10, seconds);
    results.gatewayRps = await throughput(viaGateway, 10, seconds);
    results.gatewayFederatedRps = await throughput(federated, 10, seconds);
    results.rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    return results;
  } finally {
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
