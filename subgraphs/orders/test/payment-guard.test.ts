import { demoTenant } from "@dpp/seed";
import type { Workflow } from "@dpp/tenant";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * The `fully_paid` guard through the real gateway, orders, finance and worker, on keaz's workflow
 * data: the move to production on payment is fired by the manager, guarded by fully_paid instead
 * of fired by the system. Finance issues the invoice (worker), the manager is refused while it is
 * unpaid or partly paid, and allowed once the payments cover it.
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;
let admin: postgres.Sql;

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
  admin = postgres(stack.db.adminUrl, { max: 2, onnotice: () => {} });
  const keaz = demoTenant(stack.dataset, "keaz");
  const wf: Workflow = keaz.definition.workflow;
  const guarded: Workflow = {
    ...wf,
    transitions: wf.transitions.map((t) =>
      t.on === "fully_paid"
        ? { ...t, by: ["manager"], on: undefined, guards: ["fully_paid"], label: "Оплачен — в производство" }
        : t,
    ),
  };
  await admin`insert into orders.workflows (tenant_id, version, definition)
    select ${keaz.id}, max(version) + 1, ${admin.json(JSON.parse(JSON.stringify(guarded)))}
    from orders.workflows where tenant_id = ${keaz.id}`;
});
afterAll(async () => {
  await admin?.end();
  await stack?.stop();
});

async function until<T>(fn: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) {
  __typename ... on FinanceError { code message } } }`;

describe("keaz with a manager's move guarded by fully_paid", () => {
  it("refuses the move until finance sees the invoice paid in full, then moves", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const manager = await c.login("manager@keaz.demo", "keaz");
    const order = await c.submitted(dealer, "keaz");
    const invoice = await until(async () => {
      const [row] = await admin<{ number: string; amount: string }[]>`
        select number, amount from finance.invoices where order_id = ${order.id}`;
      return row;
    });
    const amount = Number(invoice.amount);
    expect(amount).toBe(order.totals.amount.amount);

    const managerView = await c.view(manager, order.id);
    expect(managerView.availableTransitions).toContainEqual({
      to: { code: "production" },
      label: "Оплачен — в производство",
      guards: ["fully_paid"],
      cancels: false,
    });
    const unpaid = await c.fire(manager, order.id, "production");
    expect(unpaid).toEqual({
      code: "GUARD_NOT_PAID",
      message: "Счет по заказу еще не оплачен полностью: дождитесь оплаты.",
    });

    const pay = (externalId: string, sum: number) =>
      c.gql<{ recordPayment: { __typename: string } }>(manager, PAY, {
        i: { externalId, invoiceNumber: invoice.number, documentNumber: externalId, paidOn: "2026-11-23", amount: sum },
      });
    expect((await pay("pp-1", amount - 100)).recordPayment.__typename).toBe("Payment");
    expect((await c.fire(manager, order.id, "production")).code).toBe("GUARD_NOT_PAID");
    expect((await c.view(dealer, order.id)).statusCode).toBe("invoiced");

    expect((await pay("pp-2", 100)).recordPayment.__typename).toBe("Payment");
    const moved = await c.fire(manager, order.id, "production");
    expect(moved.status).toEqual({ code: "production", label: "В производстве", category: "active" });
  });
});
