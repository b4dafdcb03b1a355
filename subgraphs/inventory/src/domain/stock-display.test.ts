import { describe, expect, it } from "vitest";
import { displayStock, policyFromRow, type StockDisplayPolicy } from "./stock-display.ts";

const threshold20: StockDisplayPolicy = { mode: "threshold", threshold: 20 };

describe("displayStock", () => {
  it.each([
    { policy: threshold20, quantity: 25, shown: "> 20" },
    { policy: threshold20, quantity: 21, shown: "> 20" },
    { policy: threshold20, quantity: 20, shown: "20" },
    { policy: threshold20, quantity: 19, shown: "19" },
    { policy: threshold20, quantity: 0, shown: "0" },
    { policy: { mode: "threshold", threshold: 5 } as StockDisplayPolicy, quantity: 1000, shown: "> 5" },
    { policy: { mode: "exact" } as StockDisplayPolicy, quantity: 25, shown: "25" },
    { policy: { mode: "exact" } as StockDisplayPolicy, quantity: 0, shown: "0" },
    { policy: { mode: "exact" } as StockDisplayPolicy, quantity: 123456, shown: "123456" },
  ])("$policy.mode $quantity -> $shown", ({ policy, quantity, shown }) => {
    expect(displayStock(quantity, policy)).toBe(shown);
  });

  it("refuses a fractional quantity", () => {
    expect(() => displayStock(1.5, threshold20)).toThrow(RangeError);
  });
});

describe("policyFromRow", () => {
  it.each([
    { row: null, policy: { mode: "exact" } },
    { row: { mode: "exact", threshold: null }, policy: { mode: "exact" } },
    { row: { mode: "threshold", threshold: 20 }, policy: { mode: "threshold", threshold: 20 } },
    { row: { mode: "threshold", threshold: null }, policy: { mode: "exact" } },
  ])("$row -> $policy.mode", ({ row, policy }) => {
    expect(policyFromRow(row)).toEqual(policy);
  });
});
