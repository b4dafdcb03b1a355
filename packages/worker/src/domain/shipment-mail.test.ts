import { describe, expect, it } from "vitest";
import { shipmentMail } from "./shipment-mail.ts";

const notice = {
  number: "РН-000517",
  date: "2026-11-20",
  amount: { amount: 1234567, currency: "RUB" },
  consignee: "ООО «ТехноСнаб»",
  address: "Москва, ул. Складская, 5",
  deliveryMethod: "Самовывоз",
};

describe("shipmentMail", () => {
  it.each([
    [
      "every fact",
      notice,
      "ООО «Покупатель»",
      [
        "Отгружены товары по накладной № РН-000517 от 20.11.2026.",
        "Сумма: 12 345,67 ₽",
        "Покупатель: ООО «Покупатель»",
        "Грузополучатель: ООО «ТехноСнаб»",
        "Адрес доставки: Москва, ул. Складская, 5",
        "Способ доставки: Самовывоз",
        "Накладная: https://portal.example/shipments/shp_1",
      ],
    ],
    [
      "a dash where a fact is empty",
      { ...notice, consignee: " ", address: "", deliveryMethod: "" },
      "",
      ["Покупатель: —", "Грузополучатель: —", "Адрес доставки: —", "Способ доставки: —"],
    ],
  ])("says %s", (_, facts, buyer, lines) => {
    const mail = shipmentMail(facts, { fullName: "Иван Петров" }, buyer, "https://portal.example/shipments/shp_1");
    expect(mail.subject).toBe("Уведомление об отгрузке товаров: накладная № РН-000517");
    const text = mail.text.replaceAll("\u00a0", " ").replaceAll("\u202f", " ");
    expect(text.startsWith("Здравствуйте, Иван Петров!")).toBe(true);
    for (const line of lines) expect(text).toContain(line);
  });
});
