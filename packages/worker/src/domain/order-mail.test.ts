import { describe, expect, it } from "vitest";
import { escapeHtml, formatMoney, formatPositions, orderSubmittedMail } from "./order-mail.ts";

/** Intl separates groups and the currency sign with U+00A0 / U+202F; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it.each([
    [3841000, "RUB", "38 410,00 ₽"],
    [768200, "RUB", "7 682,00 ₽"],
    [1999, "RUB", "19,99 ₽"],
    [1, "RUB", "0,01 ₽"],
    [0, "RUB", "0,00 ₽"],
    [-150, "RUB", "-1,50 ₽"],
    [123456789012, "RUB", "1 234 567 890,12 ₽"],
    [1050, "USD", "10,50 $"],
    [500, "JPY", "500 ¥"],
  ])("%i minor units of %s → %s", (amount, currency, expected) => {
    expect(plain(formatMoney({ amount, currency }))).toBe(expected);
  });

  it("matches Intl's own output exactly, non-breaking spaces included", () => {
    const intl = new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB" }).format(38410);
    expect(formatMoney({ amount: 3841000, currency: "RUB" })).toBe(intl);
  });

  it("refuses a fractional amount (money is integer kopecks)", () => {
    expect(() => formatMoney({ amount: 10.5, currency: "RUB" })).toThrow(/integer/);
  });
});

describe("formatPositions", () => {
  it.each([
    [1, "1 позиция"],
    [2, "2 позиции"],
    [4, "4 позиции"],
    [5, "5 позиций"],
    [11, "11 позиций"],
    [21, "21 позиция"],
    [0, "0 позиций"],
  ])("%i → %s", (count, expected) => {
    expect(formatPositions(count)).toBe(expected);
  });
});

describe("orderSubmittedMail", () => {
  const input = {
    fullName: "Иван Петрович",
    number: "42",
    statusLabel: "Новый",
    total: { amount: 3841000, currency: "RUB" },
    positions: 3,
  };

  it("greets the dealer and states number, status, total and positions", () => {
    const mail = orderSubmittedMail(input);
    expect(mail.subject).toBe("Заказ № 42 принят");
    expect(plain(mail.text)).toBe(
      [
        "Здравствуйте, Иван Петрович!",
        "",
        "Ваш заказ № 42 принят.",
        "",
        "Статус: Новый",
        "Сумма: 38 410,00 ₽",
        "В заказе 3 позиции.",
        "",
        "Это письмо отправлено автоматически, отвечать на него не нужно.",
      ].join("\n"),
    );
  });

  it("escapes the dealer's name in the HTML part", () => {
    const mail = orderSubmittedMail({ ...input, fullName: "<b>ООО «Ромашка» & Ко</b>" });
    expect(mail.html).toContain("Здравствуйте, &lt;b&gt;ООО «Ромашка» &amp; Ко&lt;/b&gt;!");
    expect(mail.html).not.toContain("<b>");
  });

  it("greets without a name when the directory has none", () => {
    expect(orderSubmittedMail({ ...input, fullName: "  " }).text.split("\n")[0]).toBe("Здравствуйте!");
  });

  it("escapes quotes", () => {
    expect(escapeHtml(`"a" 'b'`)).toBe("&quot;a&quot; &#39;b&#39;");
  });
});
