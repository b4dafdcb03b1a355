import { describe, expect, it } from "vitest";
import type { OrderFinanceEvent } from "../finance-client.ts";
import type { OutboxEvent, OutboxHandlerDeps } from "../outbox.ts";
import { allOf, orderStatusChangedFinance, orderSubmittedFinance } from "./order-finance.ts";

function harness() {
  const calls: [string, OrderFinanceEvent, boolean][] = [];
  const warnings: string[] = [];
  const deps: OutboxHandlerDeps = {
    mailer: { send: async () => ({ messageId: "m" }), close: () => {} },
    directory: { userById: async () => null },
    logger: { warn: (m) => warnings.push(m), info: () => {} },
    finance: {
      async recordOrderEvent(tenantId, event, submitted) {
        calls.push([tenantId, event, submitted]);
        return { invoiceNumber: event.number, bonusPoints: 0 };
      },
      reviseOrderInvoice: async () => Promise.reject(new Error("not an order.submitted or status call")),
      orderInvoicePdf: async () => Promise.reject(new Error("not an order.submitted or status call")),
    },
  };
  return { calls, warnings, deps, finance: deps.finance as NonNullable<OutboxHandlerDeps["finance"]> };
}

const event = (payload: Record<string, unknown>): OutboxEvent => ({
  schema: "orders",
  tenantId: "ten_wasserkraft",
  id: "evt_1",
  topic: "order.submitted",
  createdAt: "2026-03-05T09:00:00.000Z",
  payload: {
    orderId: "ord_1",
    number: "000137",
    userId: "usr_1",
    companyId: "cmp_1",
    statusCode: "new",
    statusLabel: "Новый",
    total: { amount: 3841000, currency: "RUB" },
    lines: 1,
    ...payload,
  },
});

describe("order.submitted → finance", () => {
  it("asks finance to issue the invoice and credit points for the order, in the event's tenant", async () => {
    const { calls, deps } = harness();
    await orderSubmittedFinance(event({}), deps);
    expect(calls).toEqual([
      [
        "ten_wasserkraft",
        {
          orderId: "ord_1",
          number: "000137",
          companyId: "cmp_1",
          statusCode: "new",
          amount: 3841000,
          date: "2026-03-05",
          counterpartyId: null,
          contractId: null,
        },
        true,
      ],
    ]);
  });

  it("passes the order's counterparty and checkout contract, so the invoice goes under that contract", async () => {
    const { calls, deps } = harness();
    await orderSubmittedFinance(event({ counterpartyId: "ctp_2", contractId: "ctr_2" }), deps);
    expect(calls[0]?.[1]).toMatchObject({ counterpartyId: "ctp_2", contractId: "ctr_2" });
  });

  it("skips an order without a company, with a warning", async () => {
    const { calls, warnings, deps } = harness();
    await orderSubmittedFinance(event({ companyId: null }), deps);
    expect(calls).toHaveLength(0);
    expect(warnings[0]).toContain("ord_1");
  });

  it("a finance failure fails the job (so it is retried)", async () => {
    const { deps, finance } = harness();
    const failing = {
      ...deps,
      finance: { ...finance, recordOrderEvent: async () => Promise.reject(new Error("finance down")) },
    };
    await expect(allOf(orderSubmittedFinance)(event({}), failing)).rejects.toThrow("finance down");
  });
});

const statusChanged = (payload: Record<string, unknown>): OutboxEvent => ({
  schema: "orders",
  tenantId: "ten_wasserkraft",
  id: "evt_2",
  topic: "order.status_changed",
  createdAt: "2026-03-09T10:00:00.000Z",
  payload: {
    orderId: "ord_1",
    number: "000137",
    companyId: "cmp_1",
    userId: "usr_1",
    managerUserId: "usr_m",
    from: "ready",
    to: "shipped",
    toLabel: "Отгружен",
    by: "manager",
    actorUserId: "usr_m",
    reason: null,
    notify: ["notify_dealer"],
    at: "2026-03-08T21:30:00.000Z",
    ...payload,
  },
});

describe("order.status_changed → finance", () => {
  it("reports the status reached, without an amount (finance takes the invoice's) and without issuing an invoice", async () => {
    const { calls, deps } = harness();
    await orderStatusChangedFinance(statusChanged({}), deps);
    expect(calls).toEqual([
      [
        "ten_wasserkraft",
        {
          orderId: "ord_1",
          number: "000137",
          companyId: "cmp_1",
          statusCode: "shipped",
          amount: null,
          date: "2026-03-08",
        },
        false,
      ],
    ]);
  });

  it("a malformed payload or a finance failure fails the job (so it is retried)", async () => {
    const { deps, finance } = harness();
    await expect(orderStatusChangedFinance(statusChanged({ to: undefined }), deps)).rejects.toThrow();
    const failing = {
      ...deps,
      finance: { ...finance, recordOrderEvent: async () => Promise.reject(new Error("finance down")) },
    };
    await expect(orderStatusChangedFinance(statusChanged({}), failing)).rejects.toThrow("finance down");
  });
});
