import { describe, expect, it } from "vitest";
import { type AvailableStock, parseHoldUntil, planReservation, type RequestedLine } from "./reservation.ts";

const stock: AvailableStock[] = [
  { productId: "p1", warehouseId: "w_spb", code: "SPB", available: 5 },
  { productId: "p1", warehouseId: "w_msk", code: "MSK", available: 3 },
  { productId: "p2", warehouseId: "w_msk", code: "MSK", available: 0 },
  { productId: "p3", warehouseId: "w_msk", code: "MSK", available: -2 },
];

const cases: { name: string; lines: RequestedLine[]; expected: ReturnType<typeof planReservation> }[] = [
  {
    name: "a named warehouse takes only from it",
    lines: [{ productId: "p1", quantity: 4, warehouseId: "w_spb" }],
    expected: { ok: true, allocations: [{ productId: "p1", warehouseId: "w_spb", quantity: 4 }] },
  },
  {
    name: "no warehouse: warehouses in code order (MSK before SPB), split when needed",
    lines: [{ productId: "p1", quantity: 7 }],
    expected: {
      ok: true,
      allocations: [
        { productId: "p1", warehouseId: "w_msk", quantity: 3 },
        { productId: "p1", warehouseId: "w_spb", quantity: 4 },
      ],
    },
  },
  {
    name: "named lines take first, unnamed ones get what is left",
    lines: [
      { productId: "p1", quantity: 2 },
      { productId: "p1", quantity: 3, warehouseId: "w_msk" },
    ],
    expected: {
      ok: true,
      allocations: [
        { productId: "p1", warehouseId: "w_msk", quantity: 3 },
        { productId: "p1", warehouseId: "w_spb", quantity: 2 },
      ],
    },
  },
  {
    name: "lines of the same product and warehouse add up",
    lines: [
      { productId: "p1", quantity: 3, warehouseId: "w_spb" },
      { productId: "p1", quantity: 3, warehouseId: "w_spb" },
    ],
    expected: {
      ok: false,
      code: "INSUFFICIENT_STOCK",
      shortages: [{ productId: "p1", warehouseId: "w_spb", requested: 6, available: 5 }],
    },
  },
  {
    name: "every short line is named; a negative available counts as 0; an unknown product has 0",
    lines: [
      { productId: "p1", quantity: 8 },
      { productId: "p2", quantity: 1 },
      { productId: "p3", quantity: 1 },
      { productId: "p9", quantity: 1, warehouseId: "w_msk" },
    ],
    expected: {
      ok: false,
      code: "INSUFFICIENT_STOCK",
      shortages: [
        { productId: "p9", warehouseId: "w_msk", requested: 1, available: 0 },
        { productId: "p2", warehouseId: null, requested: 1, available: 0 },
        { productId: "p3", warehouseId: null, requested: 1, available: 0 },
      ],
    },
  },
  {
    name: "a zero or fractional quantity is refused",
    lines: [{ productId: "p1", quantity: 1.5 }],
    expected: { ok: false, code: "INVALID_QUANTITY", message: "Количество товара p1 должно быть целым положительным" },
  },
  {
    name: "no lines is refused",
    lines: [],
    expected: { ok: false, code: "INVALID_QUANTITY", message: "Резерв без строк" },
  },
];

describe("planReservation", () => {
  it.each(cases)("$name", ({ lines, expected }) => {
    expect(planReservation(lines, stock)).toEqual(expected);
  });
});

describe("parseHoldUntil", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  it.each([
    [null, null],
    [undefined, null],
    ["2026-11-26T10:00:00Z", new Date("2026-11-26T10:00:00Z")],
    ["2026-11-23T10:00:00Z", "invalid"],
    ["вчера", "invalid"],
  ])("%s → %s", (value, expected) => {
    expect(parseHoldUntil(value, now)).toEqual(expected);
  });
});
