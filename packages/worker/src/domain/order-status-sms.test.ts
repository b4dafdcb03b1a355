import { SMS_SINGLE_UCS2 } from "@dpp/mail";
import { describe, expect, it } from "vitest";
import { ORDER_SMS_MAX, orderStatusSms } from "./order-status-sms.ts";

describe("orderStatusSms", () => {
  it.each<[string, { number: string; statusLabel: string; reason: string | null }, string]>([
    ["a status", { number: "000042", statusLabel: "Резерв", reason: null }, "Заказ № 000042: Резерв"],
    ["a blank reason is left out", { number: "7", statusLabel: "В работе", reason: "  " }, "Заказ № 7: В работе"],
    [
      "a reason, spaces collapsed",
      { number: "000042", statusLabel: "Отменен", reason: " Нет\n в наличии " },
      "Заказ № 000042: Отменен. Причина: Нет в наличии",
    ],
  ])("%s", (_, input, expected) => {
    expect(orderStatusSms(input)).toBe(expected);
  });

  it("fits one SMS for a status, and cuts a long reason", () => {
    expect(orderStatusSms({ number: "000042", statusLabel: "Комплектация", reason: null }).length).toBeLessThanOrEqual(
      SMS_SINGLE_UCS2,
    );
    const long = orderStatusSms({ number: "1", statusLabel: "Отменен", reason: "а".repeat(500) });
    expect(long).toHaveLength(ORDER_SMS_MAX);
    expect(long.endsWith("…")).toBe(true);
  });
});
