import { describe, expect, it } from "vitest";
import { type Cell, type GridRow, parseQuantity, readRows } from "./grid.ts";

const t = (text: string): Cell => ({ text, number: null });
const n = (number: number, text = String(number)): Cell => ({ text, number });
const g = (...rows: [Cell | null, Cell | null][]): GridRow[] =>
  rows.map(([article, quantity], i) => ({ line: i + 1, article, quantity }));

describe("parseQuantity", () => {
  it.each([
    ["12", 12],
    [" 1 200 ", 1200],
    ["1\u00a0200", 1200],
    ["12,0", 12],
    ["1,5", 1.5],
    ["12 шт", null],
    ["", null],
    ["abc", null],
  ])("%j → %s", (text, expected) => expect(parseQuantity(t(text))).toBe(expected));
});

describe("readRows", () => {
  it.each([
    ["a Russian header", g([t("Артикул"), t("Количество")], [t("A1"), n(2)]), 1, 1],
    ["an English header", g([t("SKU"), t("Qty")], [t("A1"), n(2)]), 1, 1],
    ["no header", g([t("A1"), n(2)], [t("A2"), t("3")]), null, 2],
    ["a first row with a bad quantity stays a data row", g([t("A1"), t("много")], [t("A2"), n(3)]), null, 2],
    ["empty rows skipped", g([null, null], [t("A1"), n(2)], [t(" "), null]), null, 1],
  ])("%s", (_, grid, headerLine, count) => {
    const r = readRows(grid);
    expect(r.headerLine).toBe(headerLine);
    expect(r.rows).toHaveLength(count);
  });

  it("keeps articles exactly and names each unreadable row", () => {
    const { rows } = readRows(
      g(
        [t("0983"), n(2)],
        [t("aBc-1"), t("1 200")],
        [t("A2"), t("1,5")],
        [t("A3"), n(0)],
        [null, n(4)],
        [t("A4"), null],
        [{ text: "", number: null, mergedInto: "A4" }, n(1)],
        [t("A5"), { text: "", number: null, formulaProblem: "#REF!" }],
      ),
    );
    expect(rows.map((r) => [r.line, r.article, r.quantity, r.problem?.code ?? null])).toEqual([
      [1, "0983", 2, null],
      [2, "aBc-1", 1200, null],
      [3, "A2", null, "BAD_QUANTITY"],
      [4, "A3", null, "BAD_QUANTITY"],
      [5, "", null, "MISSING_ARTICLE"],
      [6, "A4", null, "BAD_QUANTITY"],
      [7, "", null, "MERGED_CELL"],
      [8, "A5", null, "FORMULA_WITHOUT_VALUE"],
    ]);
    expect(rows[2]?.problem?.message).toBe("Количество 1,5 — должно быть целым числом не меньше 1.");
    expect(rows[5]?.problem?.message).toBe("Не указано количество (колонка 2).");
    expect(rows[6]?.problem?.message).toBe(
      "Ячейка артикула объединена с ячейкой A4: разъедините ячейки и укажите значение в каждой строке.",
    );
  });
});
