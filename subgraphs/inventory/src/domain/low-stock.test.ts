import { describe, expect, it } from "vitest";
import { type Level, lowStockCrossings } from "./low-stock.ts";

const at = (available: number, productId = "p1", warehouseId = "w1"): Level => ({ productId, warehouseId, available });

describe("lowStockCrossings", () => {
  it.each([
    ["falls from above to the threshold", [at(12)], [at(10)], 10, [at(10)]],
    ["falls from above to below", [at(50)], [at(3)], 10, [at(3)]],
    ["falls to zero", [at(11)], [at(0)], 10, [at(0)]],
    ["stays above", [at(50)], [at(11)], 10, []],
    ["was already low: quiet", [at(8)], [at(2)], 10, []],
    ["rises: quiet", [at(2)], [at(40)], 10, []],
    ["no threshold: never", [at(50)], [at(0)], null, []],
    ["a row that did not exist before is not a fall", [], [at(0)], 10, []],
    ["threshold 0: only running out", [at(1)], [at(0)], 0, [at(0)]],
  ] as const)("%s", (_name, before, after, threshold, expected) => {
    expect(lowStockCrossings(before, after, threshold)).toEqual(expected);
  });

  it("reports each warehouse of each product on its own", () => {
    const before = [at(20, "p1", "w1"), at(20, "p1", "w2"), at(20, "p2", "w1")];
    const after = [at(5, "p1", "w1"), at(15, "p1", "w2"), at(9, "p2", "w1")];
    expect(lowStockCrossings(before, after, 10)).toEqual([at(5, "p1", "w1"), at(9, "p2", "w1")]);
  });
});
