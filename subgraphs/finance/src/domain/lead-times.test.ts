import { describe, expect, it } from "vitest";
import { type LeadTimeQuote, leadTimeTexts } from "./lead-times.ts";

const q = (productId: string, quantity: number, warehouse: string, text: string): LeadTimeQuote => ({
  productId,
  quantity,
  warehouse,
  text,
});

describe("leadTimeTexts", () => {
  it.each([
    ["one warehouse: its text", [q("p1", 2, "Курск", "2 шт. - 1 раб. дн.")], ["2 шт. - 1 раб. дн."]],
    [
      "several warehouses: each by name",
      [q("p1", 2, "Курск", "2 шт. - 1 раб. дн."), q("p1", 2, "Брянск", "2 шт. - 10 раб. дн.")],
      ["Курск: 2 шт. - 1 раб. дн.; Брянск: 2 шт. - 10 раб. дн."],
    ],
    ["no answer for the line: empty", [q("p2", 2, "Курск", "2 шт. - 1 раб. дн.")], [""]],
    ["an answer for another quantity is not the line's", [q("p1", 3, "Курск", "3 шт. - 1 раб. дн.")], [""]],
  ])("%s", (_, quotes, expected) => {
    expect(leadTimeTexts([{ productId: "p1", quantity: 2 }], quotes)).toEqual(expected);
  });

  it("keeps the lines' order", () => {
    const lines = [
      { productId: "p2", quantity: 1 },
      { productId: "p1", quantity: 5 },
    ];
    const quotes = [q("p1", 5, "Курск", "5 шт. - 7 раб. дн."), q("p2", 1, "Курск", "1 шт. - 1 раб. дн.")];
    expect(leadTimeTexts(lines, quotes)).toEqual(["1 шт. - 1 раб. дн.", "5 шт. - 7 раб. дн."]);
  });
});
