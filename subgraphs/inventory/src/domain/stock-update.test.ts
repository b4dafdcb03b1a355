import { describe, expect, it } from "vitest";
import { planStockUpdate, type StockUpdateRow } from "./stock-update.ts";

const warehouses = new Map([
  ["MSK", "whs_msk"],
  ["SPB", "whs_spb"],
]);
const products = new Map([
  ["0983", "prd_b"],
  ["A-1", "prd_a"],
]);
const row = (warehouseCode: string, article: string, quantity: number): StockUpdateRow => ({
  warehouseCode,
  article,
  quantity,
});

describe("planStockUpdate", () => {
  it("resolves codes and articles and sorts rows by product then warehouse", () => {
    expect(
      planStockUpdate([row("SPB", "0983", 5), row("MSK", "A-1", 0), row("MSK", "0983", 7)], warehouses, products),
    ).toEqual({
      ok: true,
      rows: [
        { productId: "prd_a", article: "A-1", warehouseId: "whs_msk", quantity: 0, link: null },
        { productId: "prd_b", article: "0983", warehouseId: "whs_msk", quantity: 7, link: null },
        { productId: "prd_b", article: "0983", warehouseId: "whs_spb", quantity: 5, link: null },
      ],
    });
  });

  it.each([
    ["an unknown warehouse code", [row("EKB", "A-1", 1)], [{ row: 1, code: "UNKNOWN_WAREHOUSE" }]],
    [
      "an article differing in case or leading zeros",
      [row("MSK", "983", 1), row("MSK", "a-1", 1)],
      [
        { row: 1, code: "UNKNOWN_ARTICLE" },
        { row: 2, code: "UNKNOWN_ARTICLE" },
      ],
    ],
    ["a negative quantity", [row("MSK", "A-1", -3)], [{ row: 1, code: "NEGATIVE_QUANTITY" }]],
    ["a fractional quantity", [row("MSK", "A-1", 1.5)], [{ row: 1, code: "NEGATIVE_QUANTITY" }]],
    [
      "a repeated warehouse × article",
      [row("MSK", "A-1", 1), row("SPB", "A-1", 1), row("MSK", "A-1", 2)],
      [{ row: 3, code: "DUPLICATE_ROW" }],
    ],
    [
      "several problems in one row",
      [row("EKB", "nope", -1)],
      [
        { row: 1, code: "UNKNOWN_WAREHOUSE" },
        { row: 1, code: "UNKNOWN_ARTICLE" },
        { row: 1, code: "NEGATIVE_QUANTITY" },
      ],
    ],
  ])("refuses %s, naming the row", (_, rows, expected) => {
    const plan = planStockUpdate(rows, warehouses, products);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.errors.map(({ row, code }) => ({ row, code }))).toEqual(expected);
  });

  it("checks a distributor's link and numbers rows by their file line", () => {
    const plan = planStockUpdate(
      [
        { warehouseCode: "MSK", article: "A-1", quantity: 1, link: "https://dist.example/a-1", line: 2 },
        { warehouseCode: "SPB", article: "A-1", quantity: 1, link: "javascript:alert(1)", line: 3 },
      ],
      warehouses,
      products,
    );
    expect(plan).toEqual({
      ok: false,
      errors: [
        {
          row: 3,
          code: "INVALID_LINK",
          message: "Ссылка должна начинаться с http:// или https://: javascript:alert(1)",
        },
      ],
    });
  });

  it("names the row a duplicate repeats", () => {
    const plan = planStockUpdate([row("MSK", "A-1", 1), row("MSK", "A-1", 2)], warehouses, products);
    expect(plan).toEqual({
      ok: false,
      errors: [{ row: 2, code: "DUPLICATE_ROW", message: "Склад «MSK» и артикул «A-1» уже были в строке 1" }],
    });
  });
});
