import { randomUUID } from "node:crypto";
import { demoTenant } from "@dpp/seed";
import { type Stats, stats } from "./src/measure.ts";
import { startBenchStack } from "./src/stack.ts";

/**
 * Order submission through the gateway (keaz dealer, one line per draft, an idempotency key each):
 * latency of one submission at a time, and throughput with 16 submissions in flight. Drafts are
 * prepared before the clock starts; the outbox worker runs as in production.
 */
export async function orderSubmission(opts: { smoke: boolean }) {
  const sequentialN = opts.smoke ? 20 : 200;
  const concurrentN = opts.smoke ? 40 : 1000;
  const stack = await startBenchStack();
  try {
    const url = stack.platform.gatewayGraphqlUrl;
    const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
    const tenant = demoTenant(stack.dataset, "keaz");
    const product = tenant?.products[0];
    if (!dealer || !product) throw new Error("demo keaz dealer or product missing");
    const login = await post(url, {
      query: `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
      variables: { i: { email: dealer.email, password: dealer.password, tenantSlug: "keaz" } },
    });
    const token = (login.data as { login: { accessToken?: string } }).login.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
    const auth = { authorization: `Bearer ${token}` };
    const quantity = Math.max(product.minQuantity, product.packMultiple);

    async function prepare(n: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const d = await post(url, { query: "mutation { createDraft { id } }" }, auth);
        const id = (d.data as { createDraft: { id: string } }).createDraft.id;
        await post(
          url,
          {
            query: "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }",
            variables: { i: { orderId: id, productId: product?.id, quantity } },
          },
          auth,
        );
        ids.push(id);
      }
      return ids;
    }
    const submit = async (id: string) => {
      const r = await post(
        url,
        {
          query: `mutation($id: ID!, $k: String) { submitOrder(orderId: $id, idempotencyKey: $k) {
            __typename ... on OrderError { code } } }`,
          variables: { id, k: randomUUID() },
        },
        auth,
      );
      const typename = (r.data as { submitOrder?: { __typename: string } } | undefined)?.submitOrder?.__typename;
      if (typename !== "Order") throw new Error(`submit failed: ${JSON.stringify(r)}`);
    };

    const results: Record<string, Stats | number> = {};
    const one = await prepare(sequentialN);
    const samples: number[] = [];
    for (const id of one) {
      const t = performance.now();
      await submit(id);
      samples.push(performance.now() - t);
    }
    results.submitLatency = stats(samples);

    const many = await prepare(concurrentN);
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < many.length) {
          const id = many[next++];
          if (id) await submit(id);
        }
      }),
    );
    results.submitsPerSecond16InFlight = Math.round((many.length / ((performance.now() - start) / 1000)) * 10) / 10;
    results.submitted = sequentialN + concurrentN;
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
