import { describe, expect, it } from "vitest";
import { vatLines } from "./order-lines.ts";
import { actLimitMessage, bonusPoints, nextActAllowedAt } from "./rules.ts";

const rule = { kopecksPerPoint: 100000, minOrderKopecks: 100000, creditAt: "new" };

describe("bonusPoints (wasserkraft: 1 point per full 1 000 ₽ of an order from 1 000 ₽)", () => {
  it.each([
    [3841000, "new", 38],
    [100000, "new", 1],
    [99999, "new", 0],
    [199999, "new", 1],
    [3841000, "shipped", 0],
  ])("%i kopecks at %s → %i", (amount, statusCode, points) => {
    expect(bonusPoints(rule, { amount, statusCode })).toBe(points);
  });
  it("no rule, no points", () => {
    expect(bonusPoints(null, { amount: 1e9, statusCode: "new" })).toBe(0);
  });
});

describe("act request limit", () => {
  const last = new Date("2026-03-05T09:00:00Z");
  it.each([
    [24, null, "2026-03-05T10:00:00Z", null],
    [null, last, "2026-03-05T10:00:00Z", null],
    [24, last, "2026-03-05T10:00:00Z", "2026-03-06T09:00:00.000Z"],
    [24, last, "2026-03-06T09:00:00Z", null],
  ])("every %s h, last %s, at %s → %s", (hours, lastAt, now, next) => {
    expect(nextActAllowedAt(hours, lastAt, new Date(now))?.toISOString() ?? null).toBe(next);
  });
  it("says when, in Moscow time", () => {
    expect(actLimitMessage(new Date("2026-03-06T09:00:00Z"), 24)).toBe(
      "Акт сверки можно запрашивать раз в сутки. Следующий запрос возможен 06.03.2026 в 12:00 (МСК).",
    );
  });
});

describe("vatLines", () => {
  it("keaz, prices without VAT: 12 × 281,00 = 3 372,00 + 674,40 = 4 046,40", () => {
    const r = vatLines(
      [{ article: "326794", name: "OptiDin", quantity: 12, unit: "шт", unitPrice: 28100, amount: 337200 }],
      { amount: 404640, vat: 67440 },
      { vatRateBp: 2000, pricesIncludeVat: false },
    );
    expect(r.lines[0]).toMatchObject({ netPrice: 28100, net: 337200, vat: 67440, gross: 404640 });
    expect(r.totals).toEqual({ net: 337200, vat: 67440, gross: 404640 });
  });
  it("wasserkraft, prices with VAT: 5 × 7 682 = 38 410, of it VAT 6 401,67", () => {
    const r = vatLines(
      [{ article: "Aller 1062L", name: "Смеситель", quantity: 5, unit: "шт", unitPrice: 768200, amount: 3841000 }],
      { amount: 3841000, vat: 640167 },
      { vatRateBp: 2000, pricesIncludeVat: true },
    );
    expect(r.lines[0]).toMatchObject({
      listPrice: 768200,
      netPrice: 640167,
      net: 3200833,
      vat: 640167,
      gross: 3841000,
    });
    expect(r.totals).toEqual({ net: 3200833, vat: 640167, gross: 3841000 });
  });
});
