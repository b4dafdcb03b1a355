import type { MailMessage } from "@dpp/mail";
import { describe, expect, it } from "vitest";
import type { OrderFinanceEvent } from "../finance-client.ts";
import type { AuditEntry } from "../identity-audit.ts";
import type { OutboxHandlerDeps } from "../outbox.ts";
import { outboxHandlers } from "./index.ts";

/** One topic, several handlers: "order.submitted" mails the dealer, bills the order and records history. */
describe("outbox handler registry", () => {
  const event = {
    schema: "orders",
    tenantId: "ten_keaz",
    id: "obx_7",
    topic: "order.submitted",
    createdAt: "2026-03-02T09:15:00.000Z",
    payload: {
      orderId: "ord_1",
      number: "42",
      userId: "usr_ivan",
      companyId: "cmp_1",
      statusCode: "new",
      statusLabel: "Новый",
      total: { amount: 3841000, currency: "RUB" },
      lines: 3,
    },
  };

  function deps() {
    const mails: MailMessage[] = [];
    const bills: OrderFinanceEvent[] = [];
    const history: [string, AuditEntry][] = [];
    const d: OutboxHandlerDeps = {
      mailer: { send: async (m) => (mails.push(m), { messageId: "m1" }), close: () => {} },
      directory: { userById: async () => ({ email: "ivan@example.ru", fullName: "Иван" }) },
      logger: { warn: () => {}, info: () => {} },
      finance: {
        recordOrderEvent: async (_t, e) => (bills.push(e), { invoiceNumber: "С-1", bonusPoints: 0 }),
        reviseOrderInvoice: async () => Promise.reject(new Error("no line edits here")),
        orderInvoicePdf: async () => Promise.reject(new Error("no line edits here")),
      },
      audit: { record: async (t, e) => void history.push([t, e]) },
    };
    return { d, mails, bills, history };
  }

  it("runs the mail, finance and history handlers for order.submitted", async () => {
    const { d, mails, bills, history } = deps();
    const handler = outboxHandlers["order.submitted"];
    if (!handler) throw new Error("no handler for order.submitted");
    await handler(event, d);
    expect(mails.map((m) => m.to)).toEqual(["ivan@example.ru"]);
    expect(bills.map((b) => b.orderId)).toEqual(["ord_1"]);
    expect(history).toEqual([
      [
        "ten_keaz",
        {
          sourceEventId: "obx_7",
          source: "orders",
          action: "order.submitted",
          occurredAt: "2026-03-02T09:15:00.000Z",
          actorUserId: "usr_ivan",
          companyId: "cmp_1",
          objects: [{ type: "Order", id: "ord_1", label: "Заказ № 42" }],
        },
      ],
    ]);
  });

  it("a failing history write fails the job (retried), after the earlier handlers ran", async () => {
    const { d, mails } = deps();
    d.audit = {
      record: async () => {
        throw new Error("identity: down");
      },
    };
    await expect(outboxHandlers["order.submitted"]?.(event, d)).rejects.toThrow("identity: down");
    expect(mails).toHaveLength(1);
  });
});
