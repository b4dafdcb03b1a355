import { describe, expect, it } from "vitest";
import { type PricingPolicy, quote, resolvePolicy, vatRateOn } from "./pricing.ts";

const empty: PricingPolicy = {
  currency: "RUB",
  pricesIncludeVat: true,
  vatRateBp: 2000,
  vatRates: [],
  discounts: [],
  priceTiers: [],
  tierAssignments: [],
  turnoverTiers: [],
  turnover: null,
  personalPrices: [],
};

const item = { id: "prd_1", basePrice: 100000, priceGroup: "OptiDin", retailPrice: 135000 };

describe("vatRateOn", () => {
  const rates = [
    { validFrom: "2019-01-01", rateBp: 2000 },
    { validFrom: "2026-01-01", rateBp: 2200 },
  ];
  it.each([
    ["2018-12-31", 1800],
    ["2019-01-01", 2000],
    ["2025-12-31", 2000],
    ["2026-01-01", 2200],
    ["2030-06-15", 2200],
  ])("on %s the rate is %i bp", (day, bp) => {
    expect(vatRateOn(rates, day, 1800)).toBe(bp);
  });
});

describe("quote: one viewer's price of one unit", () => {
  it.each<{
    name: string;
    policy: Partial<PricingPolicy>;
    day?: string;
    want: Partial<ReturnType<typeof quote>>;
  }>([
    {
      name: "list price, VAT included",
      policy: {},
      want: { base: 100000, yours: 100000, discountBp: 0, vat: 16667, vatRateBp: 2000, retail: 135000, source: "list" },
    },
    {
      name: "list price, VAT on top, dated rate of 22 % from 2026",
      policy: { pricesIncludeVat: false, vatRates: [{ validFrom: "2026-01-01", rateBp: 2200 }] },
      want: { yours: 100000, vat: 22000, vatRateBp: 2200, vatIncluded: false },
    },
    {
      name: "the same before the rate changed",
      policy: { pricesIncludeVat: false, vatRates: [{ validFrom: "2026-01-01", rateBp: 2200 }] },
      day: "2025-12-31",
      want: { vat: 20000, vatRateBp: 2000 },
    },
    {
      name: "discount group in force",
      policy: {
        discounts: [{ priceGroup: "OptiDin", percentBp: 1200, validFrom: "2026-01-01", validUntil: "2026-12-31" }],
      },
      want: { yours: 88000, discountBp: 1200, vat: 14667, source: "discount_group" },
    },
    {
      name: "discount group expired: list price",
      policy: {
        discounts: [{ priceGroup: "OptiDin", percentBp: 1200, validFrom: "2025-01-01", validUntil: "2025-12-31" }],
      },
      want: { yours: 100000, discountBp: 0, source: "list" },
    },
    {
      name: "discount on another price group does not apply",
      policy: { discounts: [{ priceGroup: "OptiMat", percentBp: 1200, validFrom: "2026-01-01", validUntil: null }] },
      want: { yours: 100000, source: "list" },
    },
    {
      name: "the active counterparty's own discount replaces the company's",
      policy: {
        discounts: [{ priceGroup: "OptiDin", percentBp: 1200, validFrom: "2026-01-01", validUntil: null }],
        counterpartyDiscounts: [{ priceGroup: "OptiDin", percentBp: 500, validFrom: "2026-01-01", validUntil: null }],
      },
      want: { yours: 95000, discountBp: 500, source: "discount_group" },
    },
    {
      name: "an expired counterparty discount falls back to the company's",
      policy: {
        discounts: [{ priceGroup: "OptiDin", percentBp: 1200, validFrom: "2026-01-01", validUntil: null }],
        counterpartyDiscounts: [
          { priceGroup: "OptiDin", percentBp: 500, validFrom: "2026-01-01", validUntil: "2026-03-31" },
        ],
      },
      want: { yours: 88000, discountBp: 1200 },
    },
    {
      name: "outlet price tier of this month",
      policy: {
        priceTiers: [
          { code: "A", percentBp: 800 },
          { code: "B", percentBp: 400 },
        ],
        tierAssignments: [
          { month: "2026-05-01", tierCode: "A" },
          { month: "2026-06-01", tierCode: "B" },
        ],
      },
      want: { yours: 96000, discountBp: 400, source: "price_tier" },
    },
    {
      name: "no tier assigned this month: list price",
      policy: {
        priceTiers: [{ code: "A", percentBp: 800 }],
        tierAssignments: [{ month: "2026-05-01", tierCode: "A" }],
      },
      want: { yours: 100000, source: "list" },
    },
    {
      name: "turnover tier reached",
      policy: {
        turnoverTiers: [
          { minTurnover: 10_000_000, percentBp: 300 },
          { minTurnover: 50_000_000, percentBp: 500 },
          { minTurnover: 100_000_000, percentBp: 700 },
        ],
        turnover: 50_000_000,
      },
      want: { yours: 95000, discountBp: 500, source: "turnover" },
    },
    {
      name: "turnover exactly at a tier's threshold reaches it",
      policy: {
        turnoverTiers: [
          { minTurnover: 5_000_000, percentBp: 300 },
          { minTurnover: 20_000_000, percentBp: 500 },
        ],
        turnover: 20_000_000,
      },
      want: { yours: 95000, discountBp: 500, source: "turnover" },
    },
    {
      name: "turnover unknown (no orders source): tiers do not apply",
      policy: { turnoverTiers: [{ minTurnover: 0, percentBp: 300 }], turnover: null },
      want: { yours: 100000, source: "list" },
    },
    {
      name: "turnover below the first tier",
      policy: { turnoverTiers: [{ minTurnover: 10_000_000, percentBp: 300 }], turnover: 9_999_999 },
      want: { yours: 100000, source: "list" },
    },
    {
      name: "best of group, tier and turnover; they do not add up",
      policy: {
        discounts: [{ priceGroup: "OptiDin", percentBp: 500, validFrom: "2026-01-01", validUntil: null }],
        priceTiers: [{ code: "A", percentBp: 800 }],
        tierAssignments: [{ month: "2026-06-01", tierCode: "A" }],
        turnoverTiers: [{ minTurnover: 0, percentBp: 300 }],
        turnover: 1,
      },
      want: { yours: 92000, discountBp: 800, source: "price_tier" },
    },
    {
      name: "personal price wins over every discount",
      policy: {
        discounts: [{ priceGroup: "OptiDin", percentBp: 2000, validFrom: "2026-01-01", validUntil: null }],
        personalPrices: [{ productId: "prd_1", price: 85000, validFrom: "2026-06-01", validUntil: "2026-06-30" }],
      },
      want: { yours: 85000, discountBp: 1500, vat: 14167, source: "personal" },
    },
    {
      name: "the latest personal price in force",
      policy: {
        personalPrices: [
          { productId: "prd_1", price: 90000, validFrom: "2026-01-01", validUntil: null },
          { productId: "prd_1", price: 87000, validFrom: "2026-06-10", validUntil: null },
          { productId: "prd_1", price: 10000, validFrom: "2026-07-01", validUntil: null },
        ],
      },
      want: { yours: 87000, discountBp: 1300, source: "personal" },
    },
    {
      name: "personal price above the list price shows no discount",
      policy: { personalPrices: [{ productId: "prd_1", price: 110000, validFrom: "2026-01-01", validUntil: null }] },
      want: { yours: 110000, discountBp: 0, source: "personal" },
    },
  ])("$name", ({ policy, day, want }) => {
    const resolved = resolvePolicy({ ...empty, ...policy }, day ?? "2026-06-15");
    expect(quote(resolved, item)).toMatchObject(want);
  });

  it("prices a product without a price group or retail price", () => {
    const r = quote(resolvePolicy(empty, "2026-06-15"), {
      id: "x",
      basePrice: 999,
      priceGroup: null,
      retailPrice: null,
    });
    expect(r).toMatchObject({ yours: 999, vat: 167, retail: null, source: "list" });
  });
});
