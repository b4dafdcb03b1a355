import { describe, expect, it } from "vitest";
import { divRound, mulExact, vatOf } from "./money.ts";

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

  it("refuses a zero denominator and fractions", () => {
    expect(() => divRound(1, 0)).toThrow(RangeError);
    expect(() => divRound(1.5, 2)).toThrow(RangeError);
  });
});

describe("vatOf", () => {
  it.each([
    // amount, rate bp, included -> vat
    { amount: 3841000, rate: 2000, included: true, vat: 640167 },
    { amount: 768200, rate: 2000, included: true, vat: 128033 },
    { amount: 337200, rate: 2000, included: false, vat: 67440 },
    { amount: 28100, rate: 2000, included: false, vat: 5620 },
    { amount: 999, rate: 2000, included: true, vat: 167 },
    { amount: 2997, rate: 2000, included: true, vat: 500 },
    { amount: 12345, rate: 0, included: true, vat: 0 },
    { amount: 0, rate: 2000, included: false, vat: 0 },
    { amount: 10000, rate: 1000, included: false, vat: 1000 },
    { amount: 4_000_000_000_000, rate: 2000, included: true, vat: 666_666_666_667 },
  ])("$amount at $rate bp (included=$included) -> $vat", (c) => {
    expect(vatOf(c.amount, c.rate, c.included)).toBe(c.vat);
  });
});

describe("mulExact", () => {
  it("multiplies integers and refuses unsafe results", () => {
    expect(mulExact(768200, 5)).toBe(3841000);
    expect(() => mulExact(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
});
