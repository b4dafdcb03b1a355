import { describe, expect, it } from "vitest";
import { balanceMeaning, balancePath, defaultActPeriod, formatDay, termsLabel } from "./finance";

describe("finance presentation", () => {
  it.each([
    ["2026-03-05", "05.03.2026"],
    ["2026-12-31T10:00:00Z", "31.12.2026"],
  ])("formats %s as %s", (iso, text) => {
    expect(formatDay(iso)).toBe(text);
  });

  it("defaults the act to 1 January → today in Moscow (already the next day there at 22:00 UTC)", () => {
    expect(defaultActPeriod(new Date("2026-11-23T10:00:00Z"))).toEqual({ from: "2026-01-01", to: "2026-11-23" });
    expect(defaultActPeriod(new Date("2026-12-31T22:00:00Z"))).toEqual({ from: "2027-01-01", to: "2027-01-01" });
  });

  it.each([
    [1000, "задолженность перед поставщиком"],
    [-1, "аванс (переплата) в пользу дилера"],
    [0, "расчёты закрыты"],
  ])("balance %i means %s", (amount, text) => {
    expect(balanceMeaning({ amount, currency: "RUB" })).toBe(text);
  });

  it("labels payment terms", () => {
    expect(termsLabel("DEFERRAL", 30)).toBe("отсрочка 30 дн.");
    expect(termsLabel("PREPAYMENT", 0)).toBe("предоплата");
  });
});

describe("balancePath", () => {
  it("draws the balance as steps between days, the zero line between min and max", () => {
    const chart = balancePath(
      [
        { date: "2026-01-01", amount: 1000 },
        { date: "2026-01-11", amount: -1000 },
        { date: "2026-01-21", amount: 0 },
      ],
      200,
      100,
    );
    expect(chart).toEqual({ path: "M0 0 H100 V100 H200 V50 H200", zeroY: 50, min: -1000, max: 1000 });
    expect(balancePath([], 200, 100)).toBeNull();
  });
});
