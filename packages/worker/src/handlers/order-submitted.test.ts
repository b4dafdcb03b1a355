import type { MailMessage } from "@dpp/mail";
import { describe, expect, it } from "vitest";
import type { OutboxEvent, OutboxHandlerDeps } from "../outbox.ts";
import { orderSubmitted } from "./order-submitted.ts";

function harness() {
  const sent: MailMessage[] = [];
  const warnings: string[] = [];
  const deps: OutboxHandlerDeps = {
    mailer: {
      async send(msg) {
        sent.push(msg);
        return { messageId: `m${sent.length}` };
      },
      close: () => {},
    },
    directory: {
      async userById(_tenantId, userId) {
        return userId === "usr_ivan" ? { email: "ivan@example.ru", fullName: "Иван Петрович" } : null;
      },
    },
    logger: { warn: (m) => warnings.push(m), info: () => {} },
  };
  return { sent, warnings, deps };
}

const event = (payload: Record<string, unknown>): OutboxEvent => ({
  schema: "orders",
  tenantId: "ten_keaz",
  id: "evt_1",
  topic: "order.submitted",
  createdAt: "2025-01-01T00:00:00.000Z",
  payload: {
    orderId: "ord_1",
    number: "42",
    userId: "usr_ivan",
    companyId: "cmp_1",
    statusCode: "new",
    statusLabel: "Новый",
    total: { amount: 3841000, currency: "RUB" },
    lines: 5,
    ...payload,
  },
});

describe("order.submitted handler", () => {
  it.each([
    ["a count of positions", 5, "В заказе 5 позиций."],
    ["the lines themselves", [{}, {}], "В заказе 2 позиции."],
  ])("mails the dealer, given %s", async (_, lines, sentence) => {
    const { sent, deps } = harness();
    await orderSubmitted(event({ lines }), deps);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "ivan@example.ru", subject: "Заказ № 42 принят", tenantId: "ten_keaz" });
    expect(sent[0]?.text).toContain(sentence);
  });

  it("skips a user the directory does not know, with a warning", async () => {
    const { sent, warnings, deps } = harness();
    await orderSubmitted(event({ userId: "usr_gone" }), deps);
    expect(sent).toHaveLength(0);
    expect(warnings[0]).toContain("usr_gone");
  });

  it("rejects a malformed payload (a producer bug: the job fails visibly)", async () => {
    const { sent, deps } = harness();
    await expect(orderSubmitted(event({ total: { amount: 10.5, currency: "RUB" } }), deps)).rejects.toThrow();
    expect(sent).toHaveLength(0);
  });
});
