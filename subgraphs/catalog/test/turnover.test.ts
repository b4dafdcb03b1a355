import { callSubgraph, dealerActor, postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, expect, it } from "vitest";

/**
 * Cumulative turnover tiers through the gateway: the dealer's turnover comes from orders (the sum
 * of submitted, not cancelled orders); an order that crosses the first tier moves the dealer's
 * price to the tier's discount, and cancelling it moves the price back.
 */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

async function login(email: string, slug: string): Promise<string> {
  const u = stack.dataset.users.find((x) => x.email === email);
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    "mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } ... on AuthError { code } } }",
    { i: { email, password: u?.password, tenantSlug: slug } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}
async function ok<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

const PRICE = `query($id: ID!) { product(id: $id) { price { yours { amount } discountPercent source } } }`;
type Price = { product: { price: { yours: { amount: number }; discountPercent: number; source: string } } };

it("an order past the first tier gives the tier's discount; cancelling it takes the discount back", async () => {
  const t = stack.dataset.tenants.find((x) => (x.pricing?.turnoverTiers?.length ?? 0) > 0);
  if (!t?.pricing?.turnoverTiers) throw new Error("no demo tenant has turnover tiers");
  const [first, second] = [...t.pricing.turnoverTiers].sort((a, b) => a.minTurnover - b.minTurnover);
  if (!first || !second) throw new Error("the demo tenant needs two turnover tiers");
  const slug = t.definition.slug;
  const dealerUser = stack.dataset.users.find((u) => u.email === `dealer@${slug}.demo`);
  const companyId = stack.dataset.memberships.find((m) => m.userId === dealerUser?.id && m.tenantId === t.id)
    ?.companyId as string;
  const discounted = new Set(t.discounts.filter((d) => d.companyId === companyId).map((d) => d.priceGroup));
  // A product whose price group carries no discount of the company: only turnover can lower its price.
  const probe = t.products.find((p) => p.priceGroup && !discounted.has(p.priceGroup));
  if (!probe) throw new Error("every price group of the tenant is discounted for the dealer");
  const dealer = await login(`dealer@${slug}.demo`, slug);

  const turnover = async () =>
    (
      await callSubgraph<{ companyTurnover: number }>(
        `${stack.urls.orders}/graphql`,
        stack.internalTokenSecret,
        { kind: "service", service: "catalog", tenantId: t.id },
        "query($c: ID!) { companyTurnover(companyId: $c) }",
        { c: companyId },
      )
    ).data?.companyTurnover;
  expect(await turnover()).toBe(0);
  const denied = await callSubgraph(
    `${stack.urls.orders}/graphql`,
    stack.internalTokenSecret,
    dealerActor(t.id, companyId),
    "query($c: ID!) { companyTurnover(companyId: $c) }",
    { c: companyId },
  );
  expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

  const before = await ok<Price>(dealer, PRICE, { id: probe.id });
  expect(before.product.price).toEqual({ yours: { amount: probe.basePrice }, discountPercent: 0, source: "LIST" });

  // An order worth at least the first tier and less than the second, of a product in stock (at the dealer's price).
  const goods = t.products.find((p) => {
    const stock = t.stock.filter((s) => s.productId === p.id).reduce((n, s) => n + s.quantity, 0);
    const qty = Math.ceil(first.minTurnover / Math.floor(p.basePrice * 0.9));
    return p.packMultiple === 1 && p.minQuantity === 1 && qty <= stock && qty * p.basePrice < second.minTurnover;
  });
  if (!goods) throw new Error("no stocked product makes an order between the first two tiers");
  const unit = (await ok<Price>(dealer, PRICE, { id: goods.id })).product.price.yours.amount;
  const draft = await ok<{ createDraft: { id: string } }>(dealer, "mutation { createDraft { id } }");
  await ok(dealer, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
    i: { orderId: draft.createDraft.id, productId: goods.id, quantity: Math.ceil(first.minTurnover / unit) },
  });
  const submitted = await ok<{ submitOrder: { __typename: string; totals?: { amount: { amount: number } } } }>(
    dealer,
    `mutation($id: ID!) { submitOrder(orderId: $id) { __typename ... on Order { totals { amount { amount } } }
      ... on OrderError { code message } } }`,
    { id: draft.createDraft.id },
  );
  expect(submitted.submitOrder.__typename).toBe("Order");
  const ordered = (await turnover()) ?? 0;
  expect(ordered).toBeGreaterThanOrEqual(first.minTurnover);
  expect(ordered).toBeLessThan(second.minTurnover);

  const after = await ok<Price>(dealer, PRICE, { id: probe.id });
  expect(after.product.price).toEqual({
    yours: { amount: Math.round((probe.basePrice * (10000 - first.percentBp)) / 10000) },
    discountPercent: first.percentBp / 100,
    source: "TURNOVER",
  });

  const manager = await login(`manager@${slug}.demo`, slug);
  const cancelled = await ok<{ cancelOrder: { __typename: string } }>(
    manager,
    `mutation($o: ID!) { cancelOrder(orderId: $o, reason: "Дилер передумал") { __typename ... on OrderError { code message } } }`,
    { o: draft.createDraft.id },
  );
  expect(cancelled.cancelOrder.__typename).toBe("Order");
  expect(await turnover()).toBe(0);
  const back = await ok<Price>(dealer, PRICE, { id: probe.id });
  expect(back.product.price.source).toBe("LIST");
});
