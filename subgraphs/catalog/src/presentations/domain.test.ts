import { describe, expect, it } from "vitest";
import { checkPresentation, offerPrice, type PresentationInput, presentationState } from "./domain.ts";

const TODAY = "2026-11-23";
const ok: PresentationInput = {
  companyId: "cmp_1",
  title: " Видеонаблюдение для склада ",
  comment: null,
  discountPercent: 7.5,
  validUntil: "2026-12-31",
  lines: [
    { article: "HW-1", quantity: 2 },
    { article: " DS-2 ", quantity: 10 },
  ],
};

describe("checkPresentation", () => {
  it("accepts a valid offer, trims text and keeps the discount in basis points", () => {
    expect(checkPresentation(ok, TODAY)).toEqual({
      ok: true,
      value: {
        companyId: "cmp_1",
        title: "Видеонаблюдение для склада",
        comment: "",
        discountBp: 750,
        validUntil: "2026-12-31",
        lines: [
          { article: "HW-1", quantity: 2 },
          { article: "DS-2", quantity: 10 },
        ],
      },
    });
  });

  it.each<[string, Partial<PresentationInput>, { field: string; message: string }[]]>([
    ["no company", { companyId: " " }, [{ field: "companyId", message: "Выберите дилера" }]],
    ["no title", { title: "" }, [{ field: "title", message: "Укажите название презентации" }]],
    ["negative discount", { discountPercent: -1 }, [{ field: "discountPercent", message: "Скидка — от 0 до 99,99 %" }]],
    ["100 %", { discountPercent: 100 }, [{ field: "discountPercent", message: "Скидка — от 0 до 99,99 %" }]],
    [
      "three decimals",
      { discountPercent: 7.125 },
      [{ field: "discountPercent", message: "Скидка — не больше двух знаков после запятой" }],
    ],
    ["past day", { validUntil: "2026-11-22" }, [{ field: "validUntil", message: "Срок действия уже прошёл" }]],
    ["not a day", { validUntil: "2026-02-30" }, [{ field: "validUntil", message: "Срок действия: ГГГГ-ММ-ДД" }]],
    ["no lines", { lines: [] }, [{ field: "lines", message: "Добавьте хотя бы один товар" }]],
    [
      "a repeated article and a bad quantity",
      {
        lines: [
          { article: "HW-1", quantity: 1 },
          { article: "HW-1", quantity: 0 },
        ],
      },
      [
        { field: "lines.2", message: "Строка 2: артикул HW-1 уже есть" },
        { field: "lines.2", message: "Строка 2: количество — целое число больше нуля" },
      ],
    ],
  ])("refuses %s", (_, change, errors) => {
    expect(checkPresentation({ ...ok, ...change }, TODAY)).toEqual({ ok: false, errors });
  });

  it("names unknown articles per line", () => {
    expect(checkPresentation(ok, TODAY, new Set(["DS-2"]))).toEqual({
      ok: false,
      errors: [{ field: "lines.2", message: "Строка 2: нет товара с артикулом DS-2" }],
    });
  });
});

describe("offerPrice", () => {
  it.each([
    [100_000, 0, 100_000],
    [100_000, 750, 92_500],
    [99_999, 1250, 87_499], // 87 499.125 → 87 499
    [1, 5000, 1], // half a kopeck rounds up, as the catalog's prices do
    [0, 2000, 0],
  ])("%i kopecks less %i bp = %i", (base, bp, expected) => {
    expect(offerPrice(base, bp)).toBe(expected);
  });
});

describe("presentationState", () => {
  it.each<[Date | null, string, string]>([
    [null, "2026-12-31", "draft"],
    [new Date(), "2026-11-23", "sent"],
    [new Date(), "2026-11-22", "expired"],
  ])("sentAt %s, last day %s: %s", (sentAt, validUntil, state) => {
    expect(presentationState({ sentAt, validUntil }, TODAY)).toBe(state);
  });
});
