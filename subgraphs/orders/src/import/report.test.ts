import { describe, expect, it } from "vitest";
import type { ImportRow } from "./grid.ts";
import { buildReport, type ImportPolicy, type ImportProduct } from "./report.ts";

const product = (article: string, over: Partial<ImportProduct> = {}): ImportProduct => ({
  id: `prd_${article}`,
  article,
  name: `Товар ${article}`,
  unit: "шт",
  packMultiple: 1,
  weightGrams: null,
  volumeCm3: null,
  basePrice: 10_000,
  minQuantity: 1,
  discontinued: false,
  successors: [],
  unitPrice: 10_000,
  currency: "RUB",
  vat: 1_667,
  vatRateBp: 2000,
  vatIncluded: true,
  ...over,
});
const row = (line: number, article: string, quantity: number): ImportRow => ({
  line,
  article,
  quantity,
  problem: null,
});
const policy: ImportPolicy = { packRounding: false, limitToStock: false, currency: "RUB" };

const CATALOG = new Map<string, ImportProduct>([
  ["A1", product("A1")],
  ["0983", product("0983")],
  ["PK5", product("PK5", { packMultiple: 5 })],
  ["MIN10", product("MIN10", { minQuantity: 10 })],
  ["OLD", product("OLD", { discontinued: true, successors: [{ article: "NEW", name: "Новый" }] })],
  ["USD", product("USD", { currency: "USD" })],
]);

describe("buildReport: one row", () => {
  it.each([
    ["plain", "A1", 3, {}, {}, "ADDED", 3, "Без замечаний: 3 шт."],
    ["leading zeros kept", "0983", 2, {}, {}, "ADDED", 2, "Без замечаний: 2 шт."],
    [
      "case matters",
      "a1",
      2,
      {},
      {},
      "UNKNOWN_ARTICLE",
      0,
      "Артикул «a1» не найден в каталоге (регистр букв и ведущие нули имеют значение).",
    ],
    [
      "rounded up to the pack",
      "PK5",
      7,
      { packRounding: true },
      {},
      "ROUNDED_TO_PACK",
      10,
      "Количество 7 округлено до 10 — упаковка по 5 шт.",
    ],
    [
      "a non-multiple refused without rounding",
      "PK5",
      7,
      {},
      {},
      "NOT_A_PACK_MULTIPLE",
      0,
      "Заказывается упаковками по 5 шт.: 7 не кратно упаковке — не добавлено.",
    ],
    [
      "below the minimum",
      "MIN10",
      3,
      {},
      {},
      "BELOW_MINIMUM",
      0,
      "Минимальное количество — 10 шт. (указано 3): не добавлено.",
    ],
    [
      "short stock: the available part",
      "A1",
      10,
      { limitToStock: true },
      { prd_A1: 4 },
      "SHORT_STOCK",
      4,
      "На складе только 4 шт.: добавлено 4 из 10.",
    ],
    ["enough stock", "A1", 4, { limitToStock: true }, { prd_A1: 4 }, "ADDED", 4, "Без замечаний: 4 шт."],
    [
      "no stock at all",
      "A1",
      4,
      { limitToStock: true },
      { prd_A1: 0 },
      "OUT_OF_STOCK",
      0,
      "Нет в наличии (доступно 0 шт.): не добавлено.",
    ],
    ["stock ignored without the feature", "A1", 10, {}, { prd_A1: 4 }, "ADDED", 10, "Без замечаний: 10 шт."],
    [
      "discontinued: up to stock, successors",
      "OLD",
      10,
      {},
      { prd_OLD: 3 },
      "DISCONTINUED_PARTIAL",
      3,
      "Снят с производства: добавлено 3 шт. (остаток) из 10. Замена: NEW (Новый).",
    ],
    [
      "discontinued, none left",
      "OLD",
      10,
      {},
      { prd_OLD: 0 },
      "DISCONTINUED",
      0,
      "Снят с производства, остатка нет: не добавлено. Замена: NEW (Новый).",
    ],
    ["another currency", "USD", 1, {}, {}, "CURRENCY_MISMATCH", 0, "Цена указана в USD, заказ — в RUB: не добавлено."],
  ] as const)("%s", (_, article, qty, pol, stock, status, quantity, message) => {
    const r = buildReport([row(2, article, qty)], CATALOG, new Map(Object.entries(stock)), new Map(), {
      ...policy,
      ...pol,
    });
    expect(r.rows[0]).toMatchObject({ line: 2, article, status, quantity, message });
    expect(r.lines.reduce((s, l) => s + l.quantity, 0)).toBe(quantity);
  });
});

describe("buildReport: several rows", () => {
  it("merges duplicates into the first row and rounds their sum", () => {
    const r = buildReport([row(2, "PK5", 3), row(3, "A1", 1), row(4, "PK5", 4)], CATALOG, new Map(), new Map(), {
      ...policy,
      packRounding: true,
    });
    expect(r.rows.map((x) => [x.line, x.status, x.requested, x.quantity])).toEqual([
      [2, "ROUNDED_TO_PACK", 7, 10],
      [3, "ADDED", 1, 1],
      [4, "DUPLICATE_MERGED", 4, 0],
    ]);
    expect(r.rows[2]?.message).toBe("Повтор артикула из строки 2: количества сложены (всего 7 шт.).");
    expect(r.lines.map((l) => [l.product.article, l.quantity])).toEqual([
      ["PK5", 10],
      ["A1", 1],
    ]);
  });

  it("counts what the draft already holds against the stock", () => {
    const r = buildReport([row(1, "A1", 5)], CATALOG, new Map([["prd_A1", 6]]), new Map([["prd_A1", 4]]), {
      ...policy,
      limitToStock: true,
    });
    expect(r.rows[0]).toMatchObject({ status: "SHORT_STOCK", quantity: 2 });
  });

  it("keeps unreadable rows with their problem and adds nothing for them", () => {
    const bad: ImportRow = { line: 5, article: "A1", quantity: null, problem: { code: "BAD_QUANTITY", message: "x" } };
    const r = buildReport([bad, row(6, "A1", 2)], CATALOG, new Map(), new Map(), policy);
    expect(r.rows.map((x) => [x.status, x.quantity])).toEqual([
      ["BAD_QUANTITY", 0],
      ["ADDED", 2],
    ]);
  });
});
