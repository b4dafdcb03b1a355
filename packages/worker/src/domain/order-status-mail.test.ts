import { describe, expect, it } from "vitest";
import { orderCommentMail, orderStatusMail, updatedInvoiceMail } from "./order-status-mail.ts";

describe("order status and comment mails", () => {
  it.each([
    [null, "Статус заказа № 42 изменился: Ждет оплаты.", false],
    ["Нет в наличии", "Причина: Нет в наличии", true],
  ])("names the status and a reason (%s)", (reason, sentence, hasReason) => {
    const m = orderStatusMail({ fullName: "Иван", number: "42", statusLabel: "Ждет оплаты", reason });
    expect(m.subject).toBe("Заказ № 42: Ждет оплаты");
    expect(m.text).toContain(sentence);
    expect(m.text.includes("Причина")).toBe(hasReason);
  });

  it("quotes the comment, escaped in HTML", () => {
    const m = orderCommentMail({ fullName: "", number: "7", authorSide: "manager", body: "Цена <b>снижена</b>" });
    expect(m.subject).toBe("Новый комментарий к заказу № 7");
    expect(m.text).toContain("Здравствуйте!\n\nМенеджер оставил комментарий к заказу № 7:\n\nЦена <b>снижена</b>");
    expect(m.html).toContain("Цена &lt;b&gt;снижена&lt;/b&gt;");
  });

  it("lists the updated invoice: 12 × 281,00 = 3 372,00, VAT 674,40, total 4 046,40", () => {
    const m = updatedInvoiceMail({
      fullName: "Иван",
      number: "137",
      lines: [{ article: "OptiDin BM63", name: "Выключатель", quantity: 12, amount: 404_640 }],
      total: { amount: 404_640, currency: "RUB" },
      vat: { amount: 67_440, currency: "RUB" },
    });
    expect(m.subject).toBe("Заказ № 137: обновленный счет");
    const text = m.text.replace(/\u00a0/g, " ");
    expect(text).toContain("1. OptiDin BM63 Выключатель — 12 шт. — 4 046,40 ₽");
    expect(text).toContain("Итого: 4 046,40 ₽\nВ том числе НДС: 674,40 ₽");
  });
});
