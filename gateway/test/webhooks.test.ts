import type { IncomingHttpHeaders } from "node:http";
import { listen } from "@dpp/server";
import { postGraphQL, takeConsoleErrors } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import express from "express";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Webhooks end to end: an integrator subscribes with an API key through the gateway, events are
 * put into the subgraphs' outboxes, the worker delivers them to a real HTTP receiver, signed per
 * Standard Webhooks; failures are retried by graphile-worker and can be redelivered by hand.
 */

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let stack: Stack;
let sql: postgres.Sql;
let receiverUrl: string;
const received: Received[] = [];
/** Status codes the receiver answers with, per path, in order (then 200). */
const answers = new Map<string, number[]>();
let closeReceiver: () => Promise<void>;

const SUBSCRIPTION = "id url topics active";
const DELIVERY =
  "id subscriptionId eventId topic status attempt maxAttempts responseCode durationMs error body deliveredAt";

interface Dealer {
  key: string;
  tenantId: string;
  companyId: string;
}

async function login(email: string, tenantSlug: string): Promise<string> {
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
    { i: { email, password: "Demo-2026", tenantSlug } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}

/** Signs a demo dealer in and creates an API key with api_keys.manage, as an integrator would. */
async function dealerWithKey(email: string, tenantSlug: string): Promise<Dealer> {
  const token = await login(email, tenantSlug);
  const auth = { authorization: `Bearer ${token}` };
  const who = await postGraphQL<{ viewer: { tenant: { id: string }; company: { id: string } } }>(
    stack.gatewayUrl,
    "{ viewer { tenant { id } company { id } } }",
    {},
    auth,
  );
  const created = await postGraphQL<{ createApiKey: { key?: string } }>(
    stack.gatewayUrl,
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ... on CreatedApiKey { key } ... on AccountError { code message } } }`,
    { i: { name: "ERP webhooks", permissions: ["api_keys.manage"] } },
    auth,
  );
  const key = created.data?.createApiKey.key;
  if (!key || !who.data) throw new Error(`API key for ${email}: ${JSON.stringify(created)} ${JSON.stringify(who)}`);
  return { key, tenantId: who.data.viewer.tenant.id, companyId: who.data.viewer.company.id };
}

const asKey = <T>(d: Dealer, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `ApiKey ${d.key}` });

async function subscribe(d: Dealer, path: string, topics: string[]) {
  const res = await asKey<{
    createWebhookSubscription: { secret?: string; subscription?: { id: string }; code?: string; fields?: unknown };
  }>(
    d,
    `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) {
      __typename ... on CreatedWebhookSubscription { secret subscription { ${SUBSCRIPTION} } }
      ... on AccountError { code message fields { field message } } } }`,
    { i: { url: `${receiverUrl}${path}`, topics } },
  );
  const r = res.data?.createWebhookSubscription;
  if (!r?.secret || !r.subscription) throw new Error(`subscribe: ${JSON.stringify(res)}`);
  return { id: r.subscription.id, secret: r.secret };
}

/** Puts an event into a subgraph's outbox as its service would (the trigger enqueues the job). */
async function emit(schema: "orders" | "inventory", tenantId: string, topic: string, payload: object) {
  const id = `evt_${Math.random().toString(36).slice(2)}`;
  await sql.begin(async (tx) => {
    await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
    await tx`insert into ${tx(schema)}.outbox (tenant_id, id, topic, payload) values (${tenantId}, ${id}, ${topic}, ${tx.json(payload as postgres.JSONValue)})`;
  });
  return `${schema}/${id}`;
}

interface DeliveryView {
  id: string;
  eventId: string;
  topic: string;
  status: string;
  attempt: number;
  maxAttempts: number;
  responseCode: number | null;
  durationMs: number | null;
  error: string | null;
  body: string;
}

async function deliveries(d: Dealer, subscriptionId: string): Promise<DeliveryView[]> {
  const res = await asKey<{ webhookDeliveries: DeliveryView[] }>(
    d,
    `query($s: ID) { webhookDeliveries(subscriptionId: $s) { ${DELIVERY} } }`,
    { s: subscriptionId },
  );
  if (!res.data) throw new Error(JSON.stringify(res));
  return res.data.webhookDeliveries;
}

/** Polls the delivery log (as the integrator) until the event's delivery matches, up to 20 s. */
async function waitForDelivery(d: Dealer, subscriptionId: string, eventId: string, done: (x: DeliveryView) => boolean) {
  const until = Date.now() + 20_000;
  let last: DeliveryView | undefined;
  while (Date.now() < until) {
    last = (await deliveries(d, subscriptionId)).find((x) => x.eventId === eventId);
    if (last && done(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`delivery of ${eventId} not done: ${JSON.stringify(last)}`);
}

const receivedAt = (path: string) => received.filter((r) => r.path === path);

let keaz: Dealer;
let multibrand: Dealer;
let wasserkraft: Dealer;

beforeAll(async () => {
  const app = express();
  app.post("/{*path}", express.text({ type: "*/*" }), (req, res) => {
    received.push({ path: req.path, headers: req.headers, body: req.body as string });
    const queue = answers.get(req.path) ?? [];
    res.status(queue.shift() ?? 200).send("ok");
  });
  const l = await listen(app, 0, "127.0.0.1");
  receiverUrl = l.url;
  closeReceiver = l.close;
  stack = await startStack();
  sql = postgres(stack.db.appUrl, { max: 2, onnotice: () => {} });
  keaz = await dealerWithKey("dealer@keaz.demo", "keaz");
  multibrand = await dealerWithKey("dealer@multibrand.demo", "keaz");
  wasserkraft = await dealerWithKey("dealer@wasserkraft.demo", "wasserkraft");
}, 120_000);

afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await stack?.stop();
  await closeReceiver?.();
});

describe("webhook subscriptions", () => {
  it("refuses a URL that is not http(s) and unknown topics, per field", async () => {
    const res = await asKey<{ createWebhookSubscription: { code: string; fields: { field: string }[] } }>(
      keaz,
      `mutation($i: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $i) {
        ... on AccountError { code fields { field message } } } }`,
      { i: { url: "file:///etc/passwd", topics: ["order.deleted"] } },
    );
    expect(res.data?.createWebhookSubscription.code).toBe("VALIDATION");
    expect(res.data?.createWebhookSubscription.fields.map((f) => f.field)).toEqual(["url", "topics"]);
    const list = await asKey<{ webhookSubscriptions: unknown[] }>(keaz, `{ webhookSubscriptions { id } }`);
    expect(list.data?.webhookSubscriptions).toEqual([]);
  });

  it("is refused to a key without api_keys.manage", async () => {
    const token = await login("dealer@keaz.demo", "keaz");
    const created = await postGraphQL<{ createApiKey: { key: string } }>(
      stack.gatewayUrl,
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ... on CreatedApiKey { key } } }`,
      { i: { name: "read only", permissions: [] } },
      { authorization: `Bearer ${token}` },
    );
    const plain: Dealer = { ...keaz, key: created.data?.createApiKey.key ?? "" };
    const res = await asKey(plain, `{ webhookSubscriptions { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("webhook deliveries", () => {
  it("delivers the company's order event signed per Standard Webhooks, and nothing of other companies or tenants", async () => {
    const mine = await subscribe(keaz, "/keaz", ["order.status_changed", "stock.low"]);
    const other = await subscribe(multibrand, "/multibrand", ["order.status_changed"]);
    const elsewhere = await subscribe(wasserkraft, "/wasserkraft", ["order.status_changed", "stock.low"]);

    const payload = {
      orderId: "ord_wh1",
      number: "К-00042",
      companyId: keaz.companyId,
      userId: "usr_x",
      managerUserId: "usr_internal",
      from: "new",
      to: "confirmed",
      toLabel: "Подтверждён",
      by: "manager",
      actorUserId: "usr_m",
      at: "2026-11-23T10:00:00.000Z",
    };
    const eventId = await emit("orders", keaz.tenantId, "order.status_changed", payload);
    const d = await waitForDelivery(keaz, mine.id, eventId, (x) => x.status === "succeeded");
    expect(d).toMatchObject({ topic: "order.status_changed", attempt: 1, responseCode: 200, error: null });
    expect(d.durationMs).toBeGreaterThanOrEqual(0);

    const [req] = receivedAt("/keaz");
    expect(req).toBeDefined();
    if (!req) return;
    expect(req.headers["webhook-id"]).toBe(d.id);
    const verified = new Webhook(mine.secret).verify(req.body, req.headers as Record<string, string>);
    expect(verified).toEqual({
      type: "order.status_changed",
      timestamp: expect.any(String),
      data: { ...payload, managerUserId: undefined },
    });
    expect(JSON.parse(req.body).data).not.toHaveProperty("managerUserId");
    // Another subscription's secret does not verify it.
    expect(() => new Webhook(other.secret).verify(req.body, req.headers as Record<string, string>)).toThrow();

    // Stock is the supplier's: every subscribed company of the tenant gets it, other tenants do not.
    const stockEvent = await emit("inventory", keaz.tenantId, "stock.low", {
      productId: "prd_1",
      article: "ВА47-29",
      warehouseId: "whs_1",
      quantity: 3,
    });
    await waitForDelivery(keaz, mine.id, stockEvent, (x) => x.status === "succeeded");
    expect(receivedAt("/multibrand")).toEqual([]);
    expect(receivedAt("/wasserkraft")).toEqual([]);
    expect(await deliveries(multibrand, other.id)).toEqual([]);
    expect(await deliveries(wasserkraft, elsewhere.id)).toEqual([]);
  });

  it("retries a delivery the receiver fails with 500 (graphile-worker backoff) and logs each attempt", async () => {
    const sub = await subscribe(keaz, "/flaky", ["stock.low"]);
    answers.set("/flaky", [500]);
    const eventId = await emit("inventory", keaz.tenantId, "stock.low", {
      productId: "prd_2",
      article: "ВА47-63",
      warehouseId: "whs_1",
      quantity: 1,
    });
    const failed = await waitForDelivery(keaz, sub.id, eventId, (x) => x.attempt === 1);
    expect(failed).toMatchObject({ status: "retrying", responseCode: 500, error: "HTTP 500: ok" });
    const ok = await waitForDelivery(keaz, sub.id, eventId, (x) => x.status === "succeeded");
    expect(ok).toMatchObject({ attempt: 2, responseCode: 200, error: null, maxAttempts: 8 });
    const attempts = receivedAt("/flaky");
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.headers["webhook-id"]).toBe(attempts[0]?.headers["webhook-id"]);
    for (const a of attempts) {
      expect(() => new Webhook(sub.secret).verify(a.body, a.headers as Record<string, string>)).not.toThrow();
    }
    // graphile-worker logs the failed attempt as an error before retrying.
    expect(takeConsoleErrors().flat().join(" ")).toContain("HTTP 500");
  }, 30_000);

  it("redelivers by hand: same webhook-id, fresh attempts, logged", async () => {
    const sub = await subscribe(keaz, "/again", ["order.status_changed"]);
    const eventId = await emit("orders", keaz.tenantId, "order.status_changed", {
      orderId: "ord_wh2",
      number: "К-00043",
      companyId: keaz.companyId,
      userId: "usr_x",
      from: "confirmed",
      to: "shipped",
      toLabel: "Отгружен",
      by: "system",
      actorUserId: null,
      at: "2026-11-23T11:00:00.000Z",
    });
    const first = await waitForDelivery(keaz, sub.id, eventId, (x) => x.status === "succeeded");
    const res = await asKey<{ redeliverWebhook: { id: string; status: string; attempt: number } }>(
      keaz,
      `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { ... on WebhookDelivery { id status attempt } } }`,
      { id: first.id },
    );
    expect(res.data?.redeliverWebhook).toEqual({ id: first.id, status: "pending", attempt: 0 });
    await waitForDelivery(keaz, sub.id, eventId, (x) => x.status === "succeeded" && x.attempt === 1);
    await expect.poll(() => receivedAt("/again").length).toBe(2);
    const [a, b] = receivedAt("/again");
    expect(b?.headers["webhook-id"]).toBe(a?.headers["webhook-id"]);
    expect(b?.body).toBe(a?.body);

    // Another company cannot redeliver it.
    const foreign = await asKey<{ redeliverWebhook: { code: string } }>(
      multibrand,
      `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { ... on AccountError { code } } }`,
      { id: first.id },
    );
    expect(foreign.data?.redeliverWebhook.code).toBe("NOT_FOUND");
  });

  it("sends nothing to a paused subscription", async () => {
    const sub = await subscribe(keaz, "/paused", ["stock.low"]);
    const upd = await asKey<{ updateWebhookSubscription: { active: boolean } }>(
      keaz,
      `mutation($i: UpdateWebhookSubscriptionInput!) { updateWebhookSubscription(input: $i) { ... on WebhookSubscription { active } } }`,
      { i: { id: sub.id, active: false } },
    );
    expect(upd.data?.updateWebhookSubscription.active).toBe(false);
    const marker = await subscribe(keaz, "/marker", ["stock.low"]);
    const eventId = await emit("inventory", keaz.tenantId, "stock.low", { productId: "prd_3", quantity: 0 });
    await waitForDelivery(keaz, marker.id, eventId, (x) => x.status === "succeeded");
    expect(await deliveries(keaz, sub.id)).toEqual([]);
    expect(receivedAt("/paused")).toEqual([]);
  });
});

describe("webhooks end to end with the orders subgraph", () => {
  it("a manager's status change of a dealer's order reaches the dealer's subscription", async () => {
    const sub = await subscribe(keaz, "/orders-e2e", ["order.status_changed", "shipment.created"]);
    const otherShipments = await subscribe(multibrand, "/other-shipments", ["shipment.created"]);
    const dealerToken = await login("dealer@keaz.demo", "keaz");
    const dealer = { authorization: `Bearer ${dealerToken}` };
    const products = await postGraphQL<{ products: { nodes: { id: string }[] } }>(
      stack.gatewayUrl,
      "{ products(first: 1) { nodes { id } } }",
      {},
      dealer,
    );
    const draft = await postGraphQL<{ createDraft: { id: string } }>(
      stack.gatewayUrl,
      "mutation { createDraft { id } }",
      {},
      dealer,
    );
    const orderId = draft.data?.createDraft.id ?? "";
    await postGraphQL(
      stack.gatewayUrl,
      `mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }`,
      { i: { orderId, productId: products.data?.products.nodes[0]?.id, quantity: 1 } },
      dealer,
    );
    const submitted = await postGraphQL<{ submitOrder: { __typename: string; number: string } }>(
      stack.gatewayUrl,
      `mutation($id: ID!) { submitOrder(orderId: $id, checkout: { confirmed: true }) { __typename ... on Order { number } } }`,
      { id: orderId },
      dealer,
    );
    expect(submitted.data?.submitOrder.__typename).toBe("Order");
    const manager = { authorization: `Bearer ${await login("manager@keaz.demo", "keaz")}` };
    const order = await postGraphQL<{ order: { availableTransitions: { to: { code: string } }[] } }>(
      stack.gatewayUrl,
      `query($id: ID!) { order(id: $id) { availableTransitions { to { code } } } }`,
      { id: orderId },
      manager,
    );
    const to = order.data?.order.availableTransitions[0]?.to.code;
    expect(to).toBeDefined();
    const moved = await postGraphQL<{ fireOrderTransition: { __typename: string } }>(
      stack.gatewayUrl,
      `mutation($id: ID!, $to: String!) { fireOrderTransition(orderId: $id, to: $to) { __typename ... on OrderError { code message } } }`,
      { id: orderId, to },
      manager,
    );
    expect(moved.data?.fireOrderTransition.__typename).toBe("Order");
    await expect.poll(() => receivedAt("/orders-e2e").length, { timeout: 15_000 }).toBe(1);
    const [req] = receivedAt("/orders-e2e");
    const event = new Webhook(sub.secret).verify(req?.body ?? "", (req?.headers ?? {}) as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(event.type).toBe("order.status_changed");
    expect(event.data).toMatchObject({
      orderId,
      number: submitted.data?.submitOrder.number,
      companyId: keaz.companyId,
      to,
      by: "manager",
    });

    // A shipment names orders, not a company: it goes to the companies of those orders only.
    const shipment = await emit("inventory", keaz.tenantId, "shipment.created", {
      shipmentId: "shp_e2e",
      number: "ОТГ-1",
      orderIds: [orderId],
      date: "2026-11-23",
    });
    await waitForDelivery(keaz, sub.id, shipment, (x) => x.status === "succeeded");
    expect(JSON.parse(receivedAt("/orders-e2e")[1]?.body ?? "{}").data).toEqual({
      shipmentId: "shp_e2e",
      number: "ОТГ-1",
      orderIds: [orderId],
      date: "2026-11-23",
    });
    expect(await deliveries(multibrand, otherShipments.id)).toEqual([]);
  });
});
