import { describe, expect, it } from "vitest";
import { lineAmount, orderTotals, type PricedLine, packagesOf, type Totals } from "./totals.ts";

const incl = (unitPrice: number, quantity: number, over: Partial<PricedLine> = {}): PricedLine => ({
  unitPrice,
  quantity,
  vatRateBp: 2000,
  vatIncluded: true,
  ...over,
});
const excl = (unitPrice: number, quantity: number, over: Partial<PricedLine> = {}): PricedLine => ({
  unitPrice,
  quantity,
  vatRateBp: 2000,
  vatIncluded: false,
  ...over,
});

/** Totals of lines with no pack, weight, volume or list price: only the money and counts vary. */
const plain = (t: Pick<Totals, "positions" | "pieces" | "amount" | "vat"> & Partial<Totals>): Totals => ({
  packages: t.pieces,
  massGrams: 0,
  massUnknown: t.positions,
  volumeCm3: 0,
  volumeUnknown: t.positions,
  baseCost: t.amount - t.vat,
  discount: 0,
  ...t,
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

describe("packagesOf", () => {
  it.each([
    [12, 1, 12],
    [12, 6, 2],
    [13, 6, 3],
    [5, 10, 1],
    [0, 4, 0],
    [7, 0, 7],
  ])("%i in packs of %i: %i packages", (quantity, pack, want) => {
    expect(packagesOf(quantity, pack)).toBe(want);
  });
});

describe("orderTotals", () => {
  it.each([
    {
      name: "wasserkraft: 5 × 7 682,00 = 38 410,00, VAT included",
      lines: [incl(768200, 5)],
      rounding: "per_document" as const,
      want: plain({ positions: 1, pieces: 5, amount: 3841000, vat: 640167, baseCost: 3841000 }),
    },
    {
      name: "keaz: 12 × 281,00 = 3 372,00 excluding VAT, VAT 674,40, total 4 046,40",
      lines: [excl(28100, 12)],
      rounding: "per_line" as const,
      want: plain({ positions: 1, pieces: 12, amount: 404640, vat: 67440 }),
    },
    {
      name: "same figures per document",
      lines: [excl(28100, 12)],
      rounding: "per_document" as const,
      want: plain({ positions: 1, pieces: 12, amount: 404640, vat: 67440 }),
    },
    {
      name: "VAT rounded per line: 3 × 166.5 rounds up three times",
      lines: [incl(999, 1), incl(999, 1), incl(999, 1)],
      rounding: "per_line" as const,
      want: plain({ positions: 3, pieces: 3, amount: 2997, vat: 501, baseCost: 2997 }),
    },
    {
      name: "VAT rounded once per document",
      lines: [incl(999, 1), incl(999, 1), incl(999, 1)],
      rounding: "per_document" as const,
      want: plain({ positions: 3, pieces: 3, amount: 2997, vat: 500, baseCost: 2997 }),
    },
    {
      name: "two lines, VAT included",
      lines: [incl(768200, 5), incl(100000, 2)],
      rounding: "per_line" as const,
      want: plain({ positions: 2, pieces: 7, amount: 4041000, vat: 640167 + 33333, baseCost: 4041000 }),
    },
    {
      name: "empty draft",
      lines: [],
      rounding: "per_line" as const,
      want: plain({ positions: 0, pieces: 0, amount: 0, vat: 0 }),
    },
    {
      name: "rate 0",
      lines: [{ unitPrice: 500, quantity: 3, vatRateBp: 0, vatIncluded: false }],
      rounding: "per_document" as const,
      want: plain({ positions: 1, pieces: 3, amount: 1500, vat: 0 }),
    },
    {
      name: "discount: list 312,50 excl. VAT, dealer 281,00 (‒10 %), 12 pcs: base 3 750,00, discount 378,00",
      lines: [excl(28100, 12, { basePrice: 31250 })],
      rounding: "per_line" as const,
      want: plain({ positions: 1, pieces: 12, amount: 404640, vat: 67440, baseCost: 375000, discount: 37800 }),
    },
    {
      name: "discount with VAT included: list 8 535,56, dealer 7 682,00, 5 pcs",
      lines: [incl(768200, 5, { basePrice: 853556 })],
      rounding: "per_document" as const,
      want: plain({ positions: 1, pieces: 5, amount: 3841000, vat: 640167, baseCost: 4267780, discount: 426780 }),
    },
    {
      name: "packages, mass and volume: 12 in packs of 6 at 0,230 kg and 150 cm³; 5 in packs of 10, unmeasured",
      lines: [
        incl(10000, 12, { packMultiple: 6, weightGrams: 230, volumeCm3: 150 }),
        incl(20000, 5, { packMultiple: 10 }),
      ],
      rounding: "per_line" as const,
      want: plain({
        positions: 2,
        pieces: 17,
        packages: 3,
        massGrams: 2760,
        massUnknown: 1,
        volumeCm3: 1800,
        volumeUnknown: 1,
        amount: 220000,
        vat: 20000 + 16667,
        baseCost: 220000,
      }),
    },
    {
      name: "weight known, volume not: 3 m of cable at 0,125 kg",
      lines: [incl(5000, 3, { weightGrams: 125, volumeCm3: null })],
      rounding: "per_line" as const,
      want: plain({
        positions: 1,
        pieces: 3,
        massGrams: 375,
        massUnknown: 0,
        amount: 15000,
        vat: 2500,
        baseCost: 15000,
      }),
    },
    {
      name: "a personal price above the list: negative discount",
      lines: [excl(11000, 2, { basePrice: 10000 })],
      rounding: "per_line" as const,
      want: plain({ positions: 1, pieces: 2, amount: 26400, vat: 4400, baseCost: 20000, discount: -2000 }),
    },
  ])("$name", (c) => {
    expect(orderTotals(c.lines, c.rounding)).toEqual(c.want);
  });

  it("refuses amounts beyond exact integers", () => {
    expect(() => orderTotals([incl(Number.MAX_SAFE_INTEGER, 2)], "per_line")).toThrow(RangeError);
  });
});
