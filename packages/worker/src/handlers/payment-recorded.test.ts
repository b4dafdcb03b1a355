import { describe, expect, it } from "vitest";
import type { OutboxEvent, OutboxHandlerDeps } from "../outbox.ts";
import { paymentRecordedOrders } from "./payment-recorded.ts";

function harness(answer: string | null | Error) {
  const calls: [string, string, string][] = [];
  const infos: string[] = [];
  const deps: OutboxHandlerDeps = {
    mailer: { send: async () => ({ messageId: "m" }), close: () => {} },
    directory: { userById: async () => null },
    logger: { warn: () => {}, info: (m) => infos.push(m) },
    orderEvents: {
      async applyOrderEvent(tenantId, orderId, event) {
        calls.push([tenantId, orderId, event]);
        if (answer instanceof Error) throw answer;
        return { errorCode: answer };
      },
    },
  };
  return { calls, infos, deps };
}

const event = (payload: Record<string, unknown>): OutboxEvent => ({
  schema: "finance",
  tenantId: "ten_keaz",
  id: "obx_1",
  topic: "payment.recorded",
  createdAt: "2026-03-07T09:00:00.000Z",
  payload: {
    paymentId: "pay_1",
    companyId: "cmp_1",
    orderId: "ord_1",
    invoiceId: "inv_1",
    invoiceNumber: "000042",
    invoiceFullyPaid: true,
    ...payload,
  },
});

describe("payment.recorded → orders", () => {
  it.each([
    ["the invoice is paid in full", {}, [["ten_keaz", "ord_1", "fully_paid"]]],
    ["the invoice is paid in part", { invoiceFullyPaid: false }, []],
    ["the payment is not for an order's invoice", { orderId: null, invoiceId: null, invoiceFullyPaid: false }, []],
    ["a contract payment without an order", { orderId: null }, []],
  ])("when %s", async (_, payload, expected) => {
    const { calls, deps } = harness(null);
    await paymentRecordedOrders(event(payload), deps);
    expect(calls).toEqual(expected);
  });

  it("takes 'no transition' (a repeat; the order moved on) as done, and throws on a failed call so the job retries", async () => {
    const moved = harness("NO_TRANSITION_FOR_EVENT");
    await paymentRecordedOrders(event({}), moved.deps);
    expect(moved.infos[0]).toContain("did not move (NO_TRANSITION_FOR_EVENT)");
    const down = harness(new Error("orders: HTTP 502"));
    await expect(paymentRecordedOrders(event({}), down.deps)).rejects.toThrow("HTTP 502");
  });
});
