import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { demoTenant } from "@dpp/seed";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The foundation's slice through all five subgraphs and the real gateway: a demo dealer logs
 * in, sees its tenant's products with its own price and stock, builds a draft, submits it,
 * sees it with the tenant's first status and the invoice listed, and receives the mail.
 */
let smtp: TestSmtpServer;
let stack: Stack;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
});

afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { accessToken refreshToken tenant { slug } } ... on AuthError { code message } } }`;

function userOf(stack: Stack, email: string) {
  const u = stack.dataset.users.find((x) => x.email === email);
  if (!u) throw new Error(`demo user ${email} missing`);
  return u;
}

async function login(email: string, tenantSlug: string) {
  const u = userOf(stack, email);
  const res = await postGraphQL<{ login: { __typename: string; accessToken: string } }>(stack.gatewayUrl, LOGIN, {
    input: { email, password: u.password, tenantSlug },
  });
  expect(res.errors).toBeUndefined();
  expect(res.data?.login.__typename).toBe("Session");
  return res.data?.login.accessToken as string;
}

const gql = <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });

interface ProductNode {
  id: string;
  article: string;
  price: { base: { amount: number }; yours: { amount: number } };
  stock: { warehouse: { code: string }; quantity: number; display: string }[];
}

describe("the slice through the gateway", () => {
  it("wrong password and unknown e-mail get the same generic error", async () => {
    const a = await postGraphQL<{ login: unknown }>(stack.gatewayUrl, LOGIN, {
      input: { email: "dealer@keaz.demo", password: "wrong-password-1A", tenantSlug: "keaz" },
    });
    const b = await postGraphQL<{ login: unknown }>(stack.gatewayUrl, LOGIN, {
      input: { email: "nobody@nowhere.demo", password: "wrong-password-1A", tenantSlug: "keaz" },
    });
    expect(a.data?.login).toEqual({
      __typename: "AuthError",
      code: "INVALID_CREDENTIALS",
      message: expect.any(String),
    });
    expect(b.data?.login).toEqual(a.data?.login);
  });

  it("a dealer logs in, lists products with price and stock, orders, and is mailed", async () => {
    const token = await login("dealer@keaz.demo", "keaz");

    const list = await gql<{ products: { nodes: ProductNode[] } }>(
      token,
      `{ products(first: 5) { nodes { id article price { base { amount } yours { amount } } stock { warehouse { code } quantity display } } } }`,
    );
    expect(list.errors).toBeUndefined();
    const nodes = list.data?.products.nodes ?? [];
    expect(nodes).toHaveLength(5);
    const keaz = demoTenant(stack.dataset, "keaz");
    const keazArticles = new Set(keaz?.products.map((p) => p.article));
    for (const n of nodes) {
      expect(keazArticles.has(n.article)).toBe(true);
      expect(n.price.yours.amount).toBeGreaterThan(0);
      expect(n.stock.length).toBe(keaz?.warehouses.length);
    }

    const draft = await gql<{ createDraft: { id: string } }>(token, `mutation { createDraft(name: "Тест") { id } }`);
    const orderId = draft.data?.createDraft.id as string;
    expect(orderId).toMatch(/^ord_/);
    const ADD = `mutation($input: AddOrderLineInput!) { addOrderLine(input: $input) { __typename ... on Order { lines { article quantity } } ... on OrderError { code message } } }`;
    const [first, second] = nodes as [ProductNode, ProductNode];
    const r1 = await gql<{ addOrderLine: { __typename: string } }>(token, ADD, {
      input: { orderId, productId: first.id, quantity: 2 },
    });
    expect(r1.data?.addOrderLine.__typename).toBe("Order");
    const r2 = await gql<{ addOrderLine: { __typename: string; lines: unknown[] } }>(token, ADD, {
      input: { orderId, article: second.article, quantity: 1 },
    });
    expect(r2.data?.addOrderLine.lines).toHaveLength(2);

    const submitted = await gql<{ submitOrder: { __typename: string; number: string; status: { label: string } } }>(
      token,
      `mutation($id: ID!) { submitOrder(orderId: $id) { __typename ... on Order { number status { label } } ... on OrderError { code message } } }`,
      { id: orderId },
    );
    expect(submitted.data?.submitOrder.__typename).toBe("Order");
    const initial = keaz?.definition.workflow.statuses.find((s) => s.code === keaz.definition.workflow.initial);
    expect(submitted.data?.submitOrder.status.label).toBe(initial?.label);

    const orders = await gql<{
      orders: { id: string; number: string; status: { label: string }; documents: { type: { code: string } }[] }[];
    }>(token, `{ orders { id number status { label } documents { type { code label } formats } } }`);
    expect(orders.errors).toBeUndefined();
    const mine = orders.data?.orders.find((o) => o.id === orderId);
    expect(mine?.status.label).toBe("Получен счет");
    expect(mine?.documents.map((d) => d.type.code)).toContain("invoice");

    const number = submitted.data?.submitOrder.number as string;
    const [mail] = await smtp.waitForMessages(1, 15_000);
    expect(mail?.envelope.to).toEqual(["dealer@keaz.demo"]);
    expect(mail?.subject).toBe(`Заказ № ${number} принят`);
    expect(mail?.text).toContain("Получен счет");
  });

  it("a token of one tenant never reaches another tenant's data", async () => {
    const keazToken = await login("dealer@keaz.demo", "keaz");
    const wk = demoTenant(stack.dataset, "wasserkraft");
    const foreign = wk?.products[0]?.id as string;
    const res = await gql<{ product: unknown }>(keazToken, `query($id: ID!) { product(id: $id) { id article } }`, {
      id: foreign,
    });
    expect(res.data?.product).toBeNull();
    const list = await gql<{ products: { nodes: { article: string }[] } }>(
      keazToken,
      `{ products(first: 200) { nodes { article } } }`,
    );
    const wkArticles = new Set(wk?.products.map((p) => p.article));
    const keazArticles = new Set(demoTenant(stack.dataset, "keaz")?.products.map((p) => p.article));
    const leaked = list.data?.products.nodes.filter((n) => wkArticles.has(n.article) && !keazArticles.has(n.article));
    expect(leaked).toEqual([]);
  });

  it("every service answers /health; every subgraph reports its database connections on /metrics", async () => {
    for (const [name, url] of Object.entries(stack.urls)) {
      const res = await fetch(`${url}/health`);
      expect(res.status, name).toBe(200);
      if (name === "gateway") continue;
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics, name).toMatch(/db_pool_connections\{state="max"[^}]*\} 10/);
      // The scrape itself holds one of the service's connections.
      expect(metrics, name).toMatch(/db_pool_connections\{state="active"[^}]*\} [1-9]/);
    }
  });

  it("a request straight to a subgraph without the gateway's proof is refused", async () => {
    const res = await postGraphQL(`${stack.urls.catalog}/graphql`, "{ products { nodes { id } } }");
    expect(res.status).toBe(401);
  });

  it("an expired or forged token gets 401 at the gateway", async () => {
    const res = await postGraphQL(
      stack.gatewayUrl,
      "{ products { nodes { id } } }",
      {},
      { authorization: "Bearer not.a.token" },
    );
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
