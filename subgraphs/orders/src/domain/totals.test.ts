import { describe, expect, it } from "vitest";
import { lineAmount, orderTotals, type PricedLine } from "./totals.ts";

const incl = (unitPrice: number, quantity: number): PricedLine => ({
  unitPrice,
  quantity,
  vatRateBp: 2000,
  vatIncluded: true,
});
const excl = (unitPrice: number, quantity: number): PricedLine => ({
  unitPrice,
  quantity,
  vatRateBp: 2000,
  vatIncluded: false,
});

describe("lineAmount", () => {
  it.each([
    [768200, 5, 3841000],
    [28100, 12, 337200],
    [1, 1, 1],
  ])("%i × %i = %i", (unitPrice, quantity, want) => {
    expect(lineAmount({ unitPrice, quantity })).toBe(want);
  });
});

describe("orderTotals", () => {
  it.each([
    {
      name: "wasserkraft: 5 × 768200, VAT included",
      lines: [incl(768200, 5)],
      rounding: "per_document" as const,
      want: { positions: 1, pieces: 5, amount: 3841000, vat: 640167 },
    },
    {
      name: "keaz-like: 12 × 28100 excluding VAT, 20 % on top",
      lines: [excl(28100, 12)],
      rounding: "per_line" as const,
      want: { positions: 1, pieces: 12, amount: 404640, vat: 67440 },
    },
    {
      name: "same figures per document",
      lines: [excl(28100, 12)],
      rounding: "per_document" as const,
      want: { positions: 1, pieces: 12, amount: 404640, vat: 67440 },
    },
    {
      name: "VAT rounded per line: 3 × 166.5 rounds up three times",
      lines: [incl(999, 1), incl(999, 1), incl(999, 1)],
      rounding: "per_line" as const,
      want: { positions: 3, pieces: 3, amount: 2997, vat: 501 },
    },
    {
      name: "VAT rounded once per document",
      lines: [incl(999, 1), incl(999, 1), incl(999, 1)],
      rounding: "per_document" as const,
      want: { positions: 3, pieces: 3, amount: 2997, vat: 500 },
    },
    {
      name: "two lines, VAT included",
      lines: [incl(768200, 5), incl(100000, 2)],
      rounding: "per_line" as const,
      want: { positions: 2, pieces: 7, amount: 4041000, vat: 640167 + 33333 },
    },
    {
      name: "empty draft",
      lines: [],
      rounding: "per_line" as const,
      want: { positions: 0, pieces: 0, amount: 0, vat: 0 },
    },
    {
      name: "rate 0",
      lines: [{ unitPrice: 500, quantity: 3, vatRateBp: 0, vatIncluded: false }],
      rounding: "per_document" as const,
      want: { positions: 1, pieces: 3, amount: 1500, vat: 0 },
    },
  ])("$name", (c) => {
    expect(orderTotals(c.lines, c.rounding)).toEqual(c.want);
  });
});
