import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient, RESULT } from "./gateway-helpers.ts";

/**
 * The manager's side through the gateway, with the worker mailing a real SMTP server: the pool
 * and taking an order from it, comments both ways each mailed to the other side, status mails,
 * and a manager's line edit that mails the dealer the updated invoice where the workflow says so.
 */
let stack: Stack;
let smtp: TestSmtpServer;
let c: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
  c = gatewayClient(stack);
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

/** Waits for the next mail to `to` whose subject matches, and takes it off the list. */
async function mailTo(to: string, subject: RegExp) {
  const end = Date.now() + 20_000;
  for (;;) {
    const m = smtp.messages.find((x) => x.envelope.to.includes(to) && subject.test(x.subject));
    if (m) {
      smtp.messages.splice(smtp.messages.indexOf(m), 1);
      return m;
    }
    if (Date.now() > end) throw new Error(`no mail to ${to} matching ${subject}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const flat = (s: string) => s.replace(/\u00a0/g, " ");

describe("the manager's side", () => {
  it("takes an order from the pool (dealers may not list it); comments mail the other side", async () => {
    const dealer = await c.login("dealer@spectr.demo", "spectr");
    const manager = await c.login("manager@spectr.demo", "spectr");
    const order = await c.submitted(dealer, "spectr");

    const pool = await c.gql<{ managerOrders: { id: string }[] }>(manager, "{ managerOrders(view: POOL) { id } }");
    expect(pool.managerOrders.map((o) => o.id)).toContain(order.id);
    const denied = await c.gql(dealer, "{ managerOrders(view: POOL) { id } }").catch((e: Error) => e.message);
    expect(denied).toMatch(/Только для сотрудников поставщика/);

    const taken = await c.gql<{ takeOrder: { id: string } }>(
      manager,
      "mutation($o: ID!) { takeOrder(orderId: $o) { ... on Order { id manager { id } } } }",
      { o: order.id },
    );
    expect(taken.takeOrder.id).toBe(order.id);
    const mine = await c.gql<{ managerOrders: { id: string }[] }>(manager, "{ managerOrders(view: MINE) { id } }");
    expect(mine.managerOrders.map((o) => o.id)).toEqual([order.id]);
    const poolAfter = await c.gql<{ managerOrders: { id: string }[] }>(manager, "{ managerOrders(view: POOL) { id } }");
    expect(poolAfter.managerOrders.map((o) => o.id)).not.toContain(order.id);

    const COMMENT = `mutation($o: ID!, $b: String!) { addOrderComment(orderId: $o, body: $b) {
      ... on OrderComment { id authorSide body } ... on OrderError { code message } } }`;
    const fromManager = await c.gql<{ addOrderComment: { authorSide: string } }>(manager, COMMENT, {
      o: order.id,
      b: "Извещатели ИП-212 будут через неделю, отгружать частями?",
    });
    expect(fromManager.addOrderComment.authorSide).toBe("manager");
    const toDealer = await mailTo("dealer@spectr.demo", /Новый комментарий к заказу/);
    expect(toDealer.text).toContain("Извещатели ИП-212 будут через неделю, отгружать частями?");

    await c.gql(dealer, COMMENT, { o: order.id, b: "Да, частями" });
    const toManager = await mailTo("manager@spectr.demo", /Новый комментарий к заказу/);
    expect(toManager.text).toContain("Дилер оставил комментарий");
    const empty = await c.gql<{ addOrderComment: { code: string } }>(dealer, COMMENT, { o: order.id, b: "  " });
    expect(empty.addOrderComment.code).toBe("EMPTY_COMMENT");
    const view = await c.gql<{ order: { comments: { authorSide: string; body: string }[] } }>(
      dealer,
      "query($id: ID!) { order(id: $id) { comments { authorSide body } } }",
      { id: order.id },
    );
    expect(view.order.comments).toEqual([
      { authorSide: "manager", body: "Извещатели ИП-212 будут через неделю, отгружать частями?" },
      { authorSide: "dealer", body: "Да, частями" },
    ]);

    // Status changes are mailed as the workflow's notify effects say.
    await c.fire(manager, order.id, "in_work");
    expect((await mailTo("dealer@spectr.demo", /Заказ № .*: В работе/)).text).toContain("изменился: В работе.");
  });

  it("a manager's line edit mails the dealer the updated invoice (wasserkraft); a locked order refuses it", async () => {
    const dealer = await c.login("dealer@wasserkraft.demo", "wasserkraft");
    const manager = await c.login("manager@wasserkraft.demo", "wasserkraft");
    const order = await c.submitted(dealer, "wasserkraft");
    const lines = await c.gql<{ order: { number: string; lines: { id: string; quantity: number }[] } }>(
      manager,
      "query($id: ID!) { order(id: $id) { number lines { id quantity } } }",
      { id: order.id },
    );
    const line = lines.order.lines[0];
    if (!line) throw new Error("no line");
    const SET = `mutation($o: ID!, $l: ID!, $q: Int!) { setOrderLineQuantity(orderId: $o, lineId: $l, quantity: $q) {
      ${RESULT} } }`;
    const changed = await c.gql<{ setOrderLineQuantity: { totals: { amount: { amount: number } } } }>(manager, SET, {
      o: order.id,
      l: line.id,
      q: line.quantity * 3,
    });
    expect(changed.setOrderLineQuantity.totals.amount.amount).toBe(order.totals.amount.amount * 3);
    const mail = await mailTo("dealer@wasserkraft.demo", /обновленный счет/);
    expect(mail.subject).toBe(`Заказ № ${lines.order.number}: обновленный счет`);
    expect(flat(mail.text)).toContain(`Менеджер изменил состав заказа № ${lines.order.number}`);

    const refused = await c.gql<{ setOrderLineQuantity: { code: string; message: string } }>(dealer, SET, {
      o: order.id,
      l: line.id,
      q: 1,
    });
    expect(refused.setOrderLineQuantity).toEqual({
      code: "ORDER_LOCKED",
      message: "Заказ в статусе «Новый» изменить нельзя: его можно скопировать в новый черновик.",
    });
    await c.event("wasserkraft", order.id, "erp_received", "erp");
    await c.fire(manager, order.id, "awaiting_payment");
    await c.event("wasserkraft", order.id, "fully_paid", "finance");
    const locked = await c.gql<{ setOrderLineQuantity: { code: string } }>(manager, SET, {
      o: order.id,
      l: line.id,
      q: 1,
    });
    expect(locked.setOrderLineQuantity.code).toBe("ORDER_LOCKED");
  });
});
