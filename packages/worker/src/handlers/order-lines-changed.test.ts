import type { MailMessage } from "@dpp/mail";
import { describe, expect, it } from "vitest";
import type { FinanceEvents, InvoiceRevisionEvent } from "../finance-client.ts";
import type { OutboxEvent, OutboxHandlerDeps } from "../outbox.ts";
import { orderLinesChanged } from "./order-status.ts";

const PDF = { filename: "Счет_000137.pdf", contentType: "application/pdf", content: Buffer.from("%PDF-1.7") };

function harness(pdf: Awaited<ReturnType<FinanceEvents["orderInvoicePdf"]>> = PDF) {
  const revisions: [string, InvoiceRevisionEvent][] = [];
  const mails: MailMessage[] = [];
  const warnings: string[] = [];
  const finance: FinanceEvents = {
    recordOrderEvent: async () => Promise.reject(new Error("not a submission")),
    reviseOrderInvoice: async (tenantId, e) => {
      revisions.push([tenantId, e]);
      return { invoiceNumber: "000137", revision: 1, applied: true };
    },
    orderInvoicePdf: async () => pdf,
  };
  const deps: OutboxHandlerDeps = {
    mailer: { send: async (m) => (mails.push(m), { messageId: "m" }), close: () => {} },
    directory: { userById: async () => ({ email: "dealer@example.ru", fullName: "Иван Петров" }) },
    logger: { warn: (m) => warnings.push(m), info: () => {} },
    finance,
  };
  return { revisions, mails, warnings, deps, finance };
}

const event = (mailUpdatedInvoice: boolean): OutboxEvent => ({
  schema: "orders",
  tenantId: "ten_wasserkraft",
  id: "evt_7",
  topic: "order.lines_changed_by_manager",
  createdAt: "2026-11-23T09:30:00.000Z",
  payload: {
    orderId: "ord_1",
    number: "000137",
    dealerUserId: "usr_1",
    mailUpdatedInvoice,
    lines: [{ article: "WK-1", name: "Смеситель", quantity: 3, amount: 1152300 }],
    total: { amount: 1152300, currency: "RUB" },
    vat: { amount: 192050, currency: "RUB" },
  },
});

describe("order.lines_changed_by_manager", () => {
  it("has finance re-issue the invoice (keyed by the event), then mails the dealer the lines with the PDF", async () => {
    const { revisions, mails, deps } = harness();
    await orderLinesChanged(event(true), deps);
    expect(revisions).toEqual([
      [
        "ten_wasserkraft",
        { orderId: "ord_1", eventId: "evt_7", amount: 1152300, vat: 192050, at: "2026-11-23T09:30:00.000Z" },
      ],
    ]);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.attachments).toEqual([PDF]);
    expect(mails[0]?.text).toContain("Счет во вложении: Счет_000137.pdf");
  });

  it("re-issues the invoice without mailing where the workflow does not mail it", async () => {
    const { revisions, mails, deps } = harness();
    await orderLinesChanged(event(false), deps);
    expect(revisions).toHaveLength(1);
    expect(mails).toEqual([]);
  });

  it("mails without a file (and warns) when finance refuses the PDF", async () => {
    const { mails, warnings, deps } = harness({ refused: "UNKNOWN_DOCUMENT_TYPE: Документ «invoice» не выдается." });
    await orderLinesChanged(event(true), deps);
    expect(mails[0]?.attachments).toBeUndefined();
    expect(mails[0]?.text).not.toContain("во вложении");
    expect(warnings[0]).toContain("UNKNOWN_DOCUMENT_TYPE");
  });

  it("a finance failure (no invoice yet) fails the job before any mail, so it is retried", async () => {
    const { mails, deps, finance } = harness();
    const failing = {
      ...deps,
      finance: { ...finance, reviseOrderInvoice: async () => Promise.reject(new Error("finance: no invoice yet")) },
    };
    await expect(orderLinesChanged(event(true), failing)).rejects.toThrow("no invoice yet");
    expect(mails).toEqual([]);
  });
});
