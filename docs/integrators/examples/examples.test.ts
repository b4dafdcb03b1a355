import { randomUUID } from "node:crypto";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrderFromCsv } from "./dealer-erp-order.ts";
import { publishDistributorStock } from "./distributor-stock-feed.ts";
import { postSupplierDay } from "./supplier-erp.ts";
import { startWebhookReceiver, type WebhookEvent } from "./webhook-receiver.ts";

/** The integrator examples run against the real platform, so the docs cannot rot. */
let stack: Stack;
let sql: postgres.Sql;
let dealerToken: string;
let managerToken: string;
let ordersKey: string;

async function login(email: string): Promise<string> {
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
    { i: { email, password: "Demo-2026", tenantSlug: "keaz" } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}

const asDealer = <T>(query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${dealerToken}` });

async function apiKey(permissions: string[]): Promise<string> {
  const r = await asDealer<{ createApiKey: { key: string } }>(
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ... on CreatedApiKey { key } } }`,
    { i: { name: `examples ${permissions.join(",")}`, permissions } },
  );
  if (!r.data?.createApiKey.key) throw new Error(JSON.stringify(r));
  return r.data.createApiKey.key;
}

beforeAll(async () => {
  stack = await startStack();
  sql = postgres(stack.db.appUrl, { max: 1, onnotice: () => {} });
  dealerToken = await login("dealer@keaz.demo");
  managerToken = await login("manager@keaz.demo");
  ordersKey = await apiKey(["orders.send", "api_keys.manage"]);
}, 120_000);

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await stack?.stop();
});

async function articles(n: number): Promise<string[]> {
  const r = await asDealer<{ products: { nodes: { article: string }[] } }>(
    `query($n: Int) { products(first: $n) { nodes { article } } }`,
    { n },
  );
  return r.data?.products.nodes.map((p) => p.article) ?? [];
}

describe("integrator examples", () => {
  it("dealer ERP: places an order from CSV with an API key; a retry with the same idempotency key places no second order", async () => {
    const [a, b] = await articles(2);
    const csv = `article;quantity\n${a};2\n${b};1\n`;
    const key = randomUUID();
    const order = await placeOrderFromCsv({
      gatewayUrl: stack.gatewayUrl,
      apiKey: ordersKey,
      csv,
      idempotencyKey: key,
    });
    expect(order.number).toMatch(/\d/);
    expect(order.status.label).not.toBe("");
    const lines = await asDealer<{ order: { lines: { quantity: number }[] } }>(
      `query($id: ID!) { order(id: $id) { lines { quantity } } }`,
      { id: order.id },
    );
    expect(lines.data?.order.lines.map((l) => l.quantity).sort()).toEqual([1, 2]);
    // A retry of the submission with the same key (say, after a timeout) does not place a second order.
    const tenantId = (await asDealer<{ viewer: { tenant: { id: string } } }>(`{ viewer { tenant { id } } }`)).data
      ?.viewer.tenant.id;
    const list = () =>
      sql.begin(async (tx) => {
        await tx`select set_config('app.tenant_id', ${tenantId ?? ""}, true)`;
        const [r] = await tx<{ n: number }[]>`select count(*)::int as n from orders.orders where not is_draft`;
        return r?.n;
      });
    const before = await list();
    expect(before).toBeGreaterThan(0);
    await expect(
      placeOrderFromCsv({ gatewayUrl: stack.gatewayUrl, apiKey: ordersKey, csv, idempotencyKey: key }),
    ).rejects.toThrow("IDEMPOTENCY_KEY_REUSED");
    expect(await list()).toBe(before);
  });

  it("supplier ERP: records a payment and a shipment, and sets stock (idempotent on repeat)", async () => {
    const company = await asDealer<{ viewer: { tenant: { id: string }; company: { id: string } } }>(
      `{ viewer { tenant { id } company { id } } }`,
    );
    const tenantId = company.data?.viewer.tenant.id ?? "";
    const [contract] = await sql.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
      return tx<{ number: string }[]>`select number from finance.contracts
        where tenant_id = ${tenantId} and company_id = ${company.data?.viewer.company.id ?? ""} order by number limit 1`;
    });
    const wh = await asDealer<{ warehouses: { code: string }[] }>(`{ warehouses { code } }`);
    const [article] = await articles(1);
    const day = {
      payments: [
        {
          externalId: "1c-pay-1",
          contractNumber: contract?.number ?? "",
          documentNumber: "512",
          paidOn: "2026-11-20",
          amount: 1_500_000,
        },
      ],
      shipments: [
        {
          externalId: "1c-shp-1",
          contractNumber: contract?.number ?? "",
          number: "УПД-77",
          shippedOn: "2026-11-21",
          amount: 900_000,
        },
      ],
      stock: [{ warehouseCode: wh.data?.warehouses[0]?.code ?? "", article: article ?? "", quantity: 1234 }],
    };
    const first = await postSupplierDay(stack.gatewayUrl, managerToken, day);
    expect(first.payments).toHaveLength(1);
    expect(first.shipments).toHaveLength(1);
    expect(first.stockChanged).toBe(1);
    const again = await postSupplierDay(stack.gatewayUrl, managerToken, day);
    expect(again).toEqual({ ...first, stockChanged: 0 });
  });

  it("distributor feed: publishes warehouses and stock; a bad row changes nothing and is named", async () => {
    const key = await apiKey(["stock.view"]);
    const [article] = await articles(1);
    const warehouses = [
      { code: "MSK-1", name: "Склад Москва", address: "Москва, ул. Складская, 1", contacts: "+7 495 000-00-00" },
    ];
    const ok = await publishDistributorStock(stack.gatewayUrl, key, {
      warehouses,
      stock: [{ warehouseCode: "MSK-1", article: article ?? "", quantity: 40 }],
    });
    expect(ok).toMatchObject({ applied: true, changed: 1, errors: [] });
    const bad = await publishDistributorStock(stack.gatewayUrl, key, {
      warehouses,
      stock: [
        { warehouseCode: "MSK-1", article: article ?? "", quantity: 10 },
        { warehouseCode: "MSK-1", article: "НЕТ-ТАКОГО", quantity: 5 },
      ],
    });
    expect(bad.applied).toBe(false);
    expect(bad.errors.map((e) => e.row)).toEqual([2]);
  });

  it("webhook receiver: verifies the signature of a real delivery", async () => {
    const events: WebhookEvent[] = [];
    const sub = await postGraphQL<{ createWebhookSubscription: { secret: string; subscription: { id: string } } }>(
      stack.gatewayUrl,
      `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) {
        ... on CreatedWebhookSubscription { secret subscription { id } } } }`,
      { i: { url: "http://127.0.0.1:1/", topics: ["stock.low"] } },
      { authorization: `ApiKey ${ordersKey}` },
    );
    const secret = sub.data?.createWebhookSubscription.secret ?? "";
    const receiver = await startWebhookReceiver({ secret, onEvent: (e) => void events.push(e) });
    await postGraphQL(
      stack.gatewayUrl,
      `mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { __typename } }`,
      { i: { id: sub.data?.createWebhookSubscription.subscription.id, url: receiver.url } },
      { authorization: `ApiKey ${ordersKey}` },
    );
    const who = await asDealer<{ viewer: { tenant: { id: string } } }>(`{ viewer { tenant { id } } }`);
    const tenantId = who.data?.viewer.tenant.id ?? "";
    await sql.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
      await tx`insert into inventory.outbox (tenant_id, id, topic, payload)
        values (${tenantId}, 'evt_example_1', 'stock.low', ${tx.json({ productId: "prd_x", article: "ВА47-29", warehouseId: "whs_x", quantity: 1 })})`;
    });
    await expect.poll(() => events.length, { timeout: 15_000 }).toBe(1);
    expect(events[0]).toMatchObject({ type: "stock.low", data: { article: "ВА47-29", quantity: 1 } });
    await receiver.close();
  });
});
