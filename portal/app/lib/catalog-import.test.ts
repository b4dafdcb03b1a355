import { describe, expect, it } from "vitest";
import { parseCatalogTable } from "./catalog-import";

describe("parseCatalogTable", () => {
  it("reads columns by header in any order, roubles to kopecks, paths and lists", () => {
    const r = parseCatalogTable([
      ["цена", "Артикул", "Наименование", "Группа", "Снят с производства", "Замена", "Кратность"],
      ["1 234,5", "0983", "Полка", "Аксессуары / Полки", "да", "0984, 0985", "4"],
      ["", "", "", "", "", "", ""],
      ["10", "K-1", "Крючок", "", "", "", ""],
    ]);
    expect(r).toEqual({
      ok: true,
      lines: [
        {
          line: 2,
          article: "0983",
          errors: [],
          row: {
            article: "0983",
            name: "Полка",
            basePrice: 123450,
            groupPath: ["Аксессуары", "Полки"],
            discontinued: true,
            successors: ["0984", "0985"],
            packMultiple: 4,
          },
        },
        { line: 4, article: "K-1", errors: [], row: { article: "K-1", name: "Крючок", basePrice: 1000 } },
      ],
    });
  });

  it.each<[string, string[][], string]>([
    ["empty file", [], "Файл пуст: нужна строка заголовков и строки товаров."],
    ["missing required columns", [["Артикул", "Бренд"]], "В первой строке нет колонок: «Наименование», «Цена»."],
    ["header only", [["Артикул", "Наименование", "Цена"]], "В файле нет строк с товарами."],
  ])("%s", (_, table, message) => {
    expect(parseCatalogTable(table)).toEqual({ ok: false, message });
  });

  it.each<[string, string[], string[]]>([
    ["price with letters", ["A1", "Товар", "12р", "", ""], ["Цена «12р»: нужна сумма в рублях, например 1234,50"]],
    ["three decimals", ["A1", "Товар", "1,005", "", ""], ["Цена «1,005»: нужна сумма в рублях, например 1234,50"]],
    ["no price", ["A1", "Товар", "", "", ""], ["Не указана цена"]],
    ["fractional pack", ["A1", "Товар", "1", "2,5", ""], ["Кратность «2,5»: нужно целое число"]],
    ["bad flag", ["A1", "Товар", "1", "", "может"], ["Снят с производства «может»: укажите «да» или «нет»"]],
  ])("names a bad cell of its row: %s", (_, cells, errors) => {
    const r = parseCatalogTable([["Артикул", "Наименование", "Цена", "Кратность", "Снят с производства"], cells]);
    expect(r.ok && r.lines[0]).toMatchObject({ line: 2, article: "A1", row: null, errors });
  });

  it("keeps a negative price for the server to name", () => {
    const r = parseCatalogTable([
      ["Артикул", "Наименование", "Цена"],
      ["A1", "Товар", "-5"],
    ]);
    expect(r.ok && r.lines[0]?.row?.basePrice).toBe(-500);
  });
});
