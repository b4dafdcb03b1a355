import { randomUUID } from "node:crypto";
import { demoTenant } from "@dpp/seed";
import { type Stats, stats } from "./src/measure.ts";
import { startBenchStack } from "./src/stack.ts";

/**
 * Checkout through the gateway (keaz dealer, one line per draft): the checkout form (the dealer's
 * counterparties, contracts and warehouses asked of identity, finance and inventory), and a
 * submission with every keaz field filled (contract and warehouse checked with their owners, the
 * address saved) next to one with none (the session's counterparty and the defaults only).
 */
export async function checkoutSubmission(opts: { smoke: boolean }) {
  const n = opts.smoke ? 20 : 200;
  const stack = await startBenchStack();
  try {
    const url = stack.platform.gatewayGraphqlUrl;
    const dealer = stack.dataset.users.find((u) => u.email === "dealer@keaz.demo");
    const product = demoTenant(stack.dataset, "keaz").products[0];
    if (!dealer || !product) throw new Error("demo keaz dealer or product missing");
    const login = await post(url, {
      query: `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
      variables: { i: { email: dealer.email, password: dealer.password, tenantSlug: "keaz" } },
    });
    const token = (login.data as { login: { accessToken?: string } }).login.accessToken;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
    const auth = { authorization: `Bearer ${token}` };
    const call = async (query: string, variables: object = {}) => {
      const r = await post(url, { query, variables }, auth);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data as Record<string, unknown>;
    };

    const formSamples: number[] = [];
    let form: { fields: { key: string; options: { code: string }[] }[] } | undefined;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      form = (await call("{ checkoutForm { fields { key options { code } } } }")).checkoutForm as typeof form;
      formSamples.push(performance.now() - t);
    }
    const first = (k: string) => form?.fields.find((f) => f.key === k)?.options[0]?.code;
    const full = {
      contractId: first("contract"),
      warehouseId: first("warehouse"),
      consignee: "ООО «Получатель»",
      deliveryAddress: "305000, Курск, ул. Ленина, 1",
      deliveryMethod: "transport_company",
      shipInParts: true,
    };

    async function prepare(count: number): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const id = ((await call("mutation { createDraft { id } }")).createDraft as { id: string }).id;
        await call("mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
          i: {
            orderId: id,
            productId: product?.id,
            quantity: Math.max(product?.minQuantity ?? 1, product?.packMultiple ?? 1),
          },
        });
        ids.push(id);
      }
      return ids;
    }
    async function timeSubmissions(ids: string[], checkout: object): Promise<Stats> {
      const samples: number[] = [];
      for (const id of ids) {
        const t = performance.now();
        const r = await call(
          `mutation($id: ID!, $k: String, $c: CheckoutInput) { submitOrder(orderId: $id, idempotencyKey: $k, checkout: $c) {
            __typename ... on OrderError { code message } } }`,
          { id, k: randomUUID(), c: checkout },
        );
        samples.push(performance.now() - t);
        const typename = (r.submitOrder as { __typename: string }).__typename;
        if (typename !== "Order") throw new Error(`submit failed: ${JSON.stringify(r)}`);
      }
      return stats(samples);
    }
    const plain = await prepare(n);
    const filled = await prepare(n);
    return {
      checkoutFormLatency: stats(formSamples),
      submitDefaultsLatency: await timeSubmissions(plain, {}),
      submitAllFieldsLatency: await timeSubmissions(filled, full),
    };
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
