import { describe, expect, it } from "vitest";
import { planWarehouseList } from "./distributor-warehouses.ts";
import { checkShipment, type ShipmentInput } from "./shipment.ts";

const ok: ShipmentInput = {
  number: "РН-1",
  date: "2026-11-20",
  lines: [{ orderId: "o1", productId: "p1", quantity: 2 }],
};

describe("checkShipment", () => {
  it.each([
    ["a good waybill", ok, []],
    ["an empty number", { ...ok, number: "  " }, [{ row: 0, message: "Не указан номер накладной" }]],
    [
      "a date that does not exist",
      { ...ok, date: "2026-02-29" },
      [{ row: 0, message: "Дата должна быть в виде ГГГГ-ММ-ДД: 2026-02-29" }],
    ],
    [
      "a date in another format",
      { ...ok, date: "20.11.2026" },
      [{ row: 0, message: "Дата должна быть в виде ГГГГ-ММ-ДД: 20.11.2026" }],
    ],
    ["no lines", { ...ok, lines: [] }, [{ row: 0, message: "В накладной нет строк" }]],
    [
      "a zero quantity and a repeated order × product",
      { ...ok, lines: [...ok.lines, { orderId: "o1", productId: "p1", quantity: 0 }] },
      [
        { row: 2, message: "Количество должно быть целым положительным: 0" },
        { row: 2, message: "Заказ и товар уже были в строке 1" },
      ],
    ],
  ] as const)("%s", (_, input, expected) => {
    expect(checkShipment(input as ShipmentInput)).toEqual(expected);
  });
});

describe("planWarehouseList", () => {
  const w = (code: string, name: string, line?: number) => ({ code, name, address: " Тула ", contacts: "", line });
  it("trims values and accepts distinct codes", () => {
    expect(planWarehouseList([w(" D1 ", "Склад")])).toEqual({
      ok: true,
      rows: [{ code: "D1", name: "Склад", address: "Тула", contacts: "" }],
    });
  });
  it.each([
    ["no code", [w("", "Склад", 2)], [{ row: 2, message: "Не указан код склада" }]],
    ["no name", [w("D1", " ", 2)], [{ row: 2, message: "Не указано название склада" }]],
    [
      "a repeated code",
      [w("D1", "А", 2), w("D1", "Б", 3)],
      [{ row: 3, message: "Код склада «D1» уже был в строке 2" }],
    ],
  ])("refuses %s", (_, rows, errors) => {
    expect(planWarehouseList(rows)).toEqual({ ok: false, errors });
  });
});
