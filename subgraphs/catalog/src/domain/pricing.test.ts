import { describe, expect, it } from "vitest";
import { discountFor, divRound, priceFor } from "./pricing.ts";

describe("divRound", () => {
  it.each([
    [5, 2, 3],
    [4, 2, 2],
    [1, 3, 0],
    [2, 3, 1],
    [0, 7, 0],
  ])("%i / %i = %i", (n, d, want) => {
    expect(divRound(n, d)).toBe(want);
  });
});

describe("priceFor", () => {
  it.each([
    // base, discountBp, vatBp, included -> yours, vat
    { base: 768200, disc: 0, vat: 2000, incl: true, yours: 768200, vatAmt: 128033 },
    { base: 28100, disc: 0, vat: 2000, incl: false, yours: 28100, vatAmt: 5620 },
    { base: 100000, disc: 1250, vat: 2000, incl: true, yours: 87500, vatAmt: 14583 },
    { base: 999, disc: 500, vat: 2000, incl: true, yours: 949, vatAmt: 158 },
    { base: 100, disc: 10000, vat: 2000, incl: true, yours: 0, vatAmt: 0 },
    { base: 100, disc: 20000, vat: 2000, incl: true, yours: 0, vatAmt: 0 },
    { base: 12345, disc: 0, vat: 0, incl: true, yours: 12345, vatAmt: 0 },
  ])("$base at $disc bp, VAT $vat bp included=$incl -> $yours / VAT $vatAmt", (c) => {
    const r = priceFor({ basePrice: c.base, discountBp: c.disc, vatRateBp: c.vat, pricesIncludeVat: c.incl });
    expect(r.yours).toBe(c.yours);
    expect(r.vat).toBe(c.vatAmt);
    expect(r.base).toBe(c.base);
  });

  it("refuses a fractional price", () => {
    expect(() => priceFor({ basePrice: 1.5, discountBp: 0, vatRateBp: 2000, pricesIncludeVat: true })).toThrow(
      RangeError,
    );
  });
});

describe("discountFor", () => {
  const rules = [
    { priceGroup: "A", percentBp: 500, validFrom: "2026-01-01", validUntil: null },
    { priceGroup: "A", percentBp: 1000, validFrom: "2026-06-01", validUntil: "2026-06-30" },
    { priceGroup: "B", percentBp: 700, validFrom: "2026-01-01", validUntil: "2026-03-31" },
  ];
  it.each([
    ["A", "2026-05-01", 500],
    ["A", "2026-06-15", 1000],
    ["A", "2026-07-01", 500],
    ["B", "2026-02-01", 700],
    ["B", "2026-04-01", 0],
    ["C", "2026-02-01", 0],
    [null, "2026-02-01", 0],
  ])("group %s on %s -> %i bp", (group, day, want) => {
    expect(discountFor(rules, group, day)).toBe(want);
  });
});
