import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * The five seed workflows end to end through the real gateway, subgraphs and worker: each
 * tenant's statuses as its manual describes them, guards asking the real finance subgraph,
 * effects asking the real inventory subgraph, refusals that change nothing, and the
 * `order.status_changed` events in the outbox.
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;
let admin: postgres.Sql;

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
  admin = postgres(stack.db.adminUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await stack?.stop();
});

const statusEvents = (orderId: string) =>
  admin<{ payload: { from: string; to: string; by: string; reason: string | null; notify: string[] } }[]>`
    select payload from orders.outbox
    where topic = 'order.status_changed' and payload->>'orderId' = ${orderId} order by created_at, id`;

describe("wasserkraft: seven statuses, the manager confirms and cancels", () => {
  it("goes new → awaiting confirmation → awaiting payment → assembly → ready → shipped", async () => {
    const dealer = await c.login("dealer@wasserkraft.demo", "wasserkraft");
    const manager = await c.login("manager@wasserkraft.demo", "wasserkraft");
    const order = await c.submitted(dealer, "wasserkraft");
    expect(order.status).toEqual({ code: "new", label: "Новый", category: "active" });
    expect(order.availableTransitions).toEqual([]);

    const refused = await c.fire(dealer, order.id, "awaiting_confirmation");
    expect(refused).toEqual({
      code: "FORBIDDEN_TRANSITION",
      message: "Перевести заказ из статуса «Новый» в «Ждет подтверждения» может только менеджер или система.",
    });
    expect((await c.view(dealer, order.id)).statusCode).toBe("new");

    expect((await c.event("wasserkraft", order.id, "erp_received", "erp")).status.label).toBe("Ждет подтверждения");
    const managerView = await c.view(manager, order.id);
    expect(managerView.availableTransitions.map((t) => [t.to.code, t.label])).toEqual([
      ["awaiting_payment", "Подтвердить заказ и выставить счет"],
      ["cancelled", "Отменить заказ"],
    ]);
    expect((await c.fire(manager, order.id, "awaiting_payment")).status.label).toBe("Ждет оплаты");
    expect((await c.event("wasserkraft", order.id, "fully_paid", "finance")).status.label).toBe("Передан на сборку");
    expect((await c.fire(manager, order.id, "ready")).status.label).toBe("Готов к отгрузке");
    const shipped = await c.fire(manager, order.id, "shipped");
    expect(shipped.status).toEqual({ code: "shipped", label: "Отгружен", category: "done" });
    expect(shipped.availableTransitions).toEqual([]);
    expect((await statusEvents(order.id)).map((e) => `${e.payload.from}>${e.payload.to} ${e.payload.by}`)).toEqual([
      "new>awaiting_confirmation system",
      "awaiting_confirmation>awaiting_payment manager",
      "awaiting_payment>assembly system",
      "assembly>ready manager",
      "ready>shipped manager",
    ]);
  });

  it("only the manager cancels, with a reason kept on the order", async () => {
    const dealer = await c.login("dealer@wasserkraft.demo", "wasserkraft");
    const manager = await c.login("manager@wasserkraft.demo", "wasserkraft");
    const order = await c.submitted(dealer, "wasserkraft");
    expect((await c.cancel(dealer, order.id, "Передумали")).code).toBe("FORBIDDEN_TRANSITION");
    expect((await c.cancel(manager, order.id, "   ")).code).toBe("REASON_REQUIRED");
    const cancelled = await c.cancel(manager, order.id, "Нет в наличии серии Aller");
    expect(cancelled).toMatchObject({ statusCode: "cancelled", cancelReason: "Нет в наличии серии Aller" });
    expect((await statusEvents(order.id))[0]?.payload).toMatchObject({
      by: "manager",
      reason: "Нет в наличии серии Aller",
      notify: ["notify_dealer"],
    });
    expect((await c.event("wasserkraft", order.id, "fully_paid")).code).toBe("NO_TRANSITION_FOR_EVENT");
  });
});

describe("keaz: get invoice, then production by deferral or on full payment", () => {
  it("a dealer with payment deferral sends the invoiced order to production (finance asked)", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const order = await c.submitted(dealer, "keaz");
    expect(order.status.label).toBe("Получен счет");
    expect(order.availableTransitions).toEqual([
      {
        to: { code: "production" },
        label: "Отправить в производство",
        guards: ["has_right:orders.send", "contract_has_deferral"],
        cancels: false,
      },
    ]);
    expect((await c.fire(dealer, order.id, "rejected")).code).toBe("FORBIDDEN_TRANSITION");
    expect((await c.fire(dealer, order.id, "production")).status.label).toBe("В производстве");
  });

  it("a prepaid order goes to production when finance reports it fully paid", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const manager = await c.login("manager@keaz.demo", "keaz");
    const order = await c.submitted(dealer, "keaz");
    const paid = await c.event("keaz", order.id, "fully_paid", "finance");
    expect(paid.status.label).toBe("В производстве");
    expect((await c.fire(manager, order.id, "completed")).status.label).toBe("Выполнен");
    expect((await c.event("keaz", order.id, "fully_paid", "finance")).code).toBe("NO_TRANSITION_FOR_EVENT");
  });

  it("refuses events from anyone but a service", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const order = await c.submitted(dealer, "keaz");
    const res = await c
      .gql<{ applyOrderEvent: unknown }>(
        dealer,
        `mutation($o: ID!) { applyOrderEvent(orderId: $o, event: "fully_paid") { __typename } }`,
        { o: order.id },
      )
      .catch((e: Error) => e.message);
    expect(res).toMatch(/только службы платформы/);
    expect((await c.view(dealer, order.id)).statusCode).toBe("invoiced");
  });
});

describe("spectr: the manager takes the order into work; the dealer may cancel a new one", () => {
  it("new → in work → shipped → completed; a new order cancelled by the dealer", async () => {
    const dealer = await c.login("dealer@spectr.demo", "spectr");
    const manager = await c.login("manager@spectr.demo", "spectr");
    const order = await c.submitted(dealer, "spectr");
    for (const [to, label] of [
      ["in_work", "В работе"],
      ["shipped", "Отгружен"],
      ["completed", "Выполнен"],
    ]) {
      expect((await c.fire(manager, order.id, to as string)).status.label).toBe(label);
    }
    const second = await c.submitted(dealer, "spectr");
    expect(second.availableTransitions.map((t) => [t.to.code, t.cancels])).toEqual([["cancelled", true]]);
    expect(await c.cancel(dealer, second.id, "Заказали у другого поставщика")).toMatchObject({
      statusCode: "cancelled",
      cancelReason: "Заказали у другого поставщика",
    });
    expect((await statusEvents(second.id))[0]?.payload.notify).toEqual(["notify_dealer", "notify_manager"]);
  });
});

describe("vitup: confirmation only without overdue debt; completed goes to the archive", () => {
  it("refuses to confirm while the October shipment is overdue, confirms once it is paid", async () => {
    const dealer = await c.login("dealer@vitup.demo", "vitup");
    const manager = await c.login("manager@vitup.demo", "vitup");
    const order = await c.submitted(dealer, "vitup");
    expect(order.status.label).toBe("Принят, на подтверждении");

    const finance = await c.gql<{
      finance: { overdueDebt: { amount: number }; contracts: { number: string }[] };
    }>(dealer, "{ finance { overdueDebt { amount } contracts { number } } }");
    const debt = finance.finance.overdueDebt.amount;
    expect(debt).toBeGreaterThan(0);
    const refused = await c.fire(manager, order.id, "confirmed");
    expect(refused.code).toBe("GUARD_OVERDUE_DEBT");
    expect(refused.message).toMatch(/^У компании просроченная задолженность [\d ]+,\d\d ₽\.$/);
    expect((await c.view(dealer, order.id)).statusCode).toBe("pending_confirmation");
    expect(await statusEvents(order.id)).toEqual([]);

    const payment = await c.gql<{ recordPayment: { __typename: string } }>(
      manager,
      `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }`,
      {
        i: {
          externalId: `pay-${order.id}`,
          contractNumber: finance.finance.contracts[0]?.number,
          documentNumber: "777",
          paidOn: "2026-11-23",
          amount: debt,
        },
      },
    );
    expect(payment.recordPayment.__typename).not.toMatch(/Error/);
    expect((await c.fire(manager, order.id, "confirmed")).status.label).toBe("Подтвержден");
    expect((await c.fire(manager, order.id, "assembly")).status.label).toBe("Сборка");
    expect((await c.fire(manager, order.id, "delivery")).status.label).toBe("Доставка");
    expect((await c.event("vitup", order.id, "fully_paid", "finance")).status.label).toBe("Выполнен");
    const wf = await c.gql<{ orderWorkflow: { tabs: { label: string; statusCodes: string[] }[] } }>(
      dealer,
      "{ orderWorkflow { tabs { label statusCodes } } }",
    );
    expect(wf.orderWorkflow.tabs.find((t) => t.label === "Архив")?.statusCodes).toEqual(["completed", "cancelled"]);
  });
});

describe("autoparts: the system reserves on submission, the dealer confirms within the hold", () => {
  it("reserves stock in inventory for 72 hours, then the dealer confirms", async () => {
    const dealer = await c.login("dealer@autoparts.demo", "autoparts");
    const before = Date.now();
    const order = await c.submitted(dealer, "autoparts");
    expect(order.status.label).toBe("Резерв");
    expect(order.stockReserved).toBe(true);
    const hold = new Date(order.stockReservedUntil ?? 0).getTime() - before;
    expect(hold).toBeGreaterThan(71.9 * 3_600_000);
    expect(hold).toBeLessThan(72.1 * 3_600_000);
    const [held] = await admin<{ status: string }[]>`
      select status from inventory.reservations where order_id = ${order.id}`;
    expect(held?.status).toBe("active");
    expect(order.availableTransitions.map((t) => t.label)).toEqual(["Подтвердить заказ", "Снять резерв"]);
    expect((await c.fire(dealer, order.id, "in_work")).status.label).toBe("В работе");
  });

  it("the dealer releases the reserve; an expired reserve cancels the order", async () => {
    const dealer = await c.login("dealer@autoparts.demo", "autoparts");
    const released = await c.submitted(dealer, "autoparts");
    const cancelled = await c.cancel(dealer, released.id, "Нашли дешевле");
    expect(cancelled).toMatchObject({ statusCode: "cancelled", stockReserved: false, stockReservedUntil: null });
    const [row] = await admin<{ status: string }[]>`
      select status from inventory.reservations where order_id = ${released.id}`;
    expect(row?.status).not.toBe("active");

    const expired = await c.submitted(dealer, "autoparts");
    const after = await c.event("autoparts", expired.id, "reservation_expired");
    expect(after).toMatchObject({ statusCode: "cancelled", stockReserved: false });
    expect((await c.fire(dealer, expired.id, "in_work")).code).toBe("FORBIDDEN_TRANSITION");
  });

  it("stays new, editable, when the stock is short", async () => {
    const dealer = await c.login("dealer@autoparts.demo", "autoparts");
    const { product } = c.stockedProduct("autoparts");
    const draft = await c.gql<{ createDraft: { id: string } }>(dealer, "mutation { createDraft { id } }");
    await c.gql(dealer, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: draft.createDraft.id, article: product.article, quantity: 9_000_000 },
    });
    const r = await c.gql<{ submitOrder: { statusCode: string; stockReserved: boolean } }>(
      dealer,
      "mutation($id: ID!) { submitOrder(orderId: $id) { ... on Order { statusCode stockReserved } } }",
      { id: draft.createDraft.id },
    );
    expect(r.submitOrder).toEqual({ statusCode: "new", stockReserved: false });
  });
});
