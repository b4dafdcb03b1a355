import { describe, expect, it } from "vitest";
import { planWarehouseList } from "./distributor-warehouses.ts";
import { checkShipment, checkShipmentOrders, type ShipmentInput } from "./shipment.ts";

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

describe("checkShipmentOrders", () => {
  const orders = new Map([
    [
      "o1",
      {
        id: "o1",
        number: "000001",
        isDraft: false,
        companyId: "c1",
        lines: [{ productId: "p1", unitPrice: 15050, currency: "RUB" }],
      },
    ],
    [
      "o2",
      {
        id: "o2",
        number: "000002",
        isDraft: false,
        companyId: "c2",
        lines: [{ productId: "p1", unitPrice: 100, currency: "RUB" }],
      },
    ],
    ["o3", { id: "o3", number: "", isDraft: true, companyId: "c1", lines: [] }],
  ]);
  it.each([
    [
      "one buyer: its sum",
      [{ orderId: "o1", productId: "p1", quantity: 3 }],
      { ok: true, companyId: "c1", amount: 45150, currency: "RUB" },
    ],
    [
      "an unknown order",
      [{ orderId: "o9", productId: "p1", quantity: 1 }],
      { ok: false, problems: [{ row: 1, message: "Заказ o9 не найден" }] },
    ],
    [
      "a draft",
      [{ orderId: "o3", productId: "p1", quantity: 1 }],
      { ok: false, problems: [{ row: 1, message: "Заказ o3 еще не отправлен" }] },
    ],
    [
      "a product not on the order",
      [{ orderId: "o1", productId: "p2", quantity: 1 }],
      { ok: false, problems: [{ row: 1, message: "В заказе № 000001 нет товара p2" }] },
    ],
    [
      "two buyers",
      [
        { orderId: "o1", productId: "p1", quantity: 1 },
        { orderId: "o2", productId: "p1", quantity: 1 },
      ],
      { ok: false, problems: [{ row: 2, message: "Заказ № 000002 другого покупателя: в накладной один покупатель" }] },
    ],
  ])("%s", (_, lines, expected) => {
    expect(checkShipmentOrders(lines, orders)).toEqual(expected);
  });
});
