import { startTestSmppServer, startTestSmtpServer, type TestSmppServer, type TestSmtpServer } from "@dpp/mail/testing";
import { demoTenant } from "@dpp/seed";
import { checkoutOf } from "@dpp/tenant";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient, type OrderView, RESULT } from "./gateway-helpers.ts";

/**
 * Status changes by e-mail and SMS (autoparts: "every status change: e-mail and SMS") through the
 * real gateway, orders, identity and worker: the workflow's sms_dealer effect becomes one SMS row,
 * its `sms_send` job submits it over SMPP to a real SMPP server, and the dealer's e-mail arrives
 * over real SMTP. Without an SMSC the SMS is recorded as not configured, never as sent.
 */
let smpp: TestSmppServer;
let smtp: TestSmtpServer;
let stack: Stack;
let bare: Stack;
let admin: postgres.Sql;
let bareAdmin: postgres.Sql;

beforeAll(async () => {
  smpp = await startTestSmppServer();
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url, smsUrl: smpp.url });
  bare = await startStack();
  admin = postgres(stack.db.adminUrl, { max: 2, onnotice: () => {} });
  bareAdmin = postgres(bare.db.adminUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await bareAdmin?.end();
  await stack?.stop();
  await bare?.stop();
  await smpp?.close();
  await smtp?.close();
});

interface SmsRow {
  to_address: string;
  body: string;
  status: string;
  attempts: number;
  error: string | null;
  provider_message_id: string | null;
}
const smsRows = (sql: postgres.Sql) =>
  sql<SmsRow[]>`select to_address, body, status, attempts, error, provider_message_id
    from mail.sms_messages order by created_at, id`;

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const DEALER = "dealer@autoparts.demo";

/** A draft with one stocked line, submitted with the tenant's default shipping and payment options. */
async function submitted(stackOf: Stack, token: string) {
  const c = gatewayClient(stackOf);
  const form = checkoutOf(demoTenant(stackOf.dataset, "autoparts").definition);
  const { product, quantity } = c.stockedProduct("autoparts");
  const draft = await c.gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }");
  await c.gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
    i: { orderId: draft.createDraft.id, article: product.article, quantity },
  });
  const r = await c.gql<{ submitOrder: OrderView }>(
    token,
    `mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) { ${RESULT} } }`,
    {
      id: draft.createDraft.id,
      c: { deliveryMethod: form.deliveryMethod.default, paymentOption: form.paymentOption.default },
    },
  );
  if (!r.submitOrder.id) throw new Error(`submit: ${JSON.stringify(r.submitOrder)}`);
  return r.submitOrder;
}

describe("autoparts: e-mail and SMS on every status change the dealer is told of", () => {
  it("the reserve after submission and the move to picking each reach the dealer's phone over SMPP", async () => {
    const c = gatewayClient(stack);
    const phone = stack.dataset.users.find((u) => u.email === DEALER)?.phone ?? "";
    const to = phone.replace(/\D/g, "");
    expect(to).toMatch(/^7\d{10}$/);
    const dealer = await c.login(DEALER, "autoparts");
    const manager = await c.login("manager@autoparts.demo", "autoparts");
    const order = await submitted(stack, dealer);
    expect(order.status.label).toBe("Резерв");

    const [first] = await smpp.waitForMessages(1);
    expect(first).toEqual({ systemId: "test", from: "Portal", to, text: `Заказ № ${order.number}: Резерв` });
    const mail = await until(async () =>
      smtp.messages.find((m) => m.envelope.to.includes(DEALER) && m.subject === `Заказ № ${order.number}: Резерв`),
    );
    expect(mail.text).toContain("Резерв");
    const [row] = await until(async () => {
      const rows = await smsRows(admin);
      return rows[0]?.status === "sent" ? rows : undefined;
    });
    expect(row).toMatchObject({ to_address: to, status: "sent", attempts: 1, error: null });
    expect(row?.provider_message_id).toMatch(/^sink-\d+$/);

    expect((await c.fire(dealer, order.id, "in_work")).status.label).toBe("В работе");
    expect((await c.fire(manager, order.id, "picking")).status.label).toBe("Комплектация");
    const messages = await smpp.waitForMessages(2);
    expect(messages.map((m) => m.text)).toEqual([
      `Заказ № ${order.number}: Резерв`,
      `Заказ № ${order.number}: Комплектация`,
    ]);
    // The dealer's own confirmation (notify_manager only) sent no SMS.
    expect((await smsRows(admin)).map((r) => r.body)).toEqual(messages.map((m) => m.text));
  });
});

describe("without an SMSC", () => {
  it("records the SMS as not configured and sends nothing", async () => {
    const c = gatewayClient(bare);
    const before = smpp.messages.length;
    const dealer = await c.login(DEALER, "autoparts");
    const order = await submitted(bare, dealer);
    const [row] = await until(async () => {
      const rows = await smsRows(bareAdmin);
      return rows[0] && rows[0].status !== "pending" ? rows : undefined;
    });
    expect(row).toMatchObject({
      body: `Заказ № ${order.number}: Резерв`,
      status: "not_configured",
      error: "SMS не настроены (SMS_SMPP_URL): сообщение не отправлено",
      provider_message_id: null,
    });
    expect(smpp.messages.length).toBe(before);
  });
});
