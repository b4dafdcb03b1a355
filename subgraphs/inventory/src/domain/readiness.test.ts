import { describe, expect, it } from "vitest";
import type { OrderFacts } from "../clients/orders.ts";
import {
  checkFilter,
  type LineReadiness,
  lineQuantities,
  orderReadiness,
  planReadiness,
  productReadiness,
} from "./readiness.ts";

const line = (productId: string, quantity: number) => ({
  productId,
  article: productId.toUpperCase(),
  name: `Товар ${productId}`,
  quantity,
  unitPrice: 1000,
  amount: 1000 * quantity,
  currency: "RUB",
});
const order = (
  id: string,
  number: string,
  submittedAt: string,
  lines = [line("p1", 10), line("p2", 4)],
): OrderFacts => ({
  id,
  number,
  isDraft: false,
  companyId: "cmp_1",
  submittedAt,
  lines,
});
const record = (over: Partial<LineReadiness>): LineReadiness => ({
  orderId: "o1",
  productId: "p1",
  companyId: "cmp_1",
  status: "processing",
  readyQuantity: null,
  guaranteedDate: null,
  readyDate: null,
  warehouseId: null,
  ...over,
});

describe("lineQuantities", () => {
  it.each([
    ["nothing reported", 10, 0, undefined, { ordered: 10, inShipment: 0, leftToShip: 10, ready: 0 }],
    [
      "in production",
      10,
      0,
      record({ status: "production" }),
      { ordered: 10, inShipment: 0, leftToShip: 10, ready: 0 },
    ],
    [
      "in stock: all of it ready",
      10,
      0,
      record({ status: "in_stock" }),
      { ordered: 10, inShipment: 0, leftToShip: 10, ready: 10 },
    ],
    [
      "in stock, part shipped",
      10,
      4,
      record({ status: "in_stock" }),
      { ordered: 10, inShipment: 4, leftToShip: 6, ready: 6 },
    ],
    [
      "6 ready, 4 shipped",
      10,
      4,
      record({ status: "in_transit", readyQuantity: 6 }),
      { ordered: 10, inShipment: 4, leftToShip: 6, ready: 2 },
    ],
    [
      "ready above ordered is capped",
      10,
      0,
      record({ readyQuantity: 50 }),
      { ordered: 10, inShipment: 0, leftToShip: 10, ready: 10 },
    ],
    [
      "shipped above ordered",
      10,
      12,
      record({ status: "in_stock" }),
      { ordered: 10, inShipment: 10, leftToShip: 0, ready: 0 },
    ],
  ])("%s", (_, ordered, shipped, rec, expected) => {
    expect(lineQuantities(ordered, shipped, rec)).toEqual(expected);
  });
});

describe("planReadiness", () => {
  const orders = new Map([
    ["o1", order("o1", "000001", "2026-11-20T10:00:00Z")],
    ["o2", { ...order("o2", "", "2026-11-20T10:00:00Z"), isDraft: true }],
  ]);
  const warehouses = new Map([["MSK", "whs_msk"]]);
  it.each([
    ["a good row", { orderId: "o1", productId: "p1", status: "in_stock" as const, warehouseCode: "MSK" }, null],
    ["an unknown order", { orderId: "o9", productId: "p1", status: "production" as const }, "UNKNOWN_ORDER"],
    ["a draft", { orderId: "o2", productId: "p1", status: "production" as const }, "NOT_SUBMITTED"],
    ["a product not on the order", { orderId: "o1", productId: "p9", status: "production" as const }, "UNKNOWN_LINE"],
    [
      "an unknown warehouse",
      { orderId: "o1", productId: "p1", status: "in_stock" as const, warehouseCode: "SPB" },
      "UNKNOWN_WAREHOUSE",
    ],
    [
      "a bad date",
      { orderId: "o1", productId: "p1", status: "in_stock" as const, guaranteedDate: "2026-02-30" },
      "INVALID_DATE",
    ],
    [
      "a negative quantity",
      { orderId: "o1", productId: "p1", status: "in_stock" as const, readyQuantity: -2 },
      "INVALID_QUANTITY",
    ],
  ])("%s", (_, row, code) => {
    const plan = planReadiness([row], orders, warehouses);
    if (code === null) {
      expect(plan).toEqual({
        ok: true,
        rows: [
          {
            orderId: "o1",
            productId: "p1",
            companyId: "cmp_1",
            status: "in_stock",
            readyQuantity: null,
            guaranteedDate: null,
            readyDate: null,
            warehouseId: "whs_msk",
          },
        ],
      });
    } else expect(plan).toMatchObject({ ok: false, errors: [{ row: 1, code }] });
  });

  it("names a repeated order × product and stores nothing", () => {
    const row = { orderId: "o1", productId: "p1", status: "production" as const };
    expect(planReadiness([row, row], orders, warehouses)).toEqual({
      ok: false,
      errors: [{ row: 2, code: "DUPLICATE_ROW", message: "Заказ и товар уже были в строке 1" }],
    });
  });
});

describe("checkFilter", () => {
  it.each([
    [{}, null],
    [{ from: "2026-11-01", to: "2026-11-30" }, null],
    [{ from: "01.11.2026" }, "Дата должна быть в виде ГГГГ-ММ-ДД: 01.11.2026"],
    [{ from: "2026-12-01", to: "2026-11-01" }, "Начало периода позже его конца"],
  ])("%j → %s", (filter, expected) => {
    expect(checkFilter(filter)).toBe(expected);
  });
});

describe("reports", () => {
  const orders = [
    order("o1", "000001", "2026-11-01T10:00:00Z"),
    order("o2", "000002", "2026-11-20T22:30:00Z", [line("p1", 3)]),
  ];
  const records = [record({ status: "in_stock", warehouseId: "whs_msk", readyDate: "2026-11-25" })];
  const shipped = new Map([
    ["o1\u0000p1", 4],
    ["o2\u0000p1", 3],
  ]);

  it("order readiness: newest first, totals per order, open orders only when asked", () => {
    const all = orderReadiness(orders, records, shipped, {});
    expect(all.map((o) => [o.number, o.ordered, o.leftToShip, o.ready, o.inShipment])).toEqual([
      ["000002", 3, 0, 0, 3],
      ["000001", 14, 10, 6, 4],
    ]);
    expect(orderReadiness(orders, records, shipped, { openOnly: true }).map((o) => o.number)).toEqual(["000001"]);
  });

  it.each([
    [{ search: "002" }, ["000002 p1"]],
    // 22:30 UTC on the 20th is the 21st in Moscow.
    [{ from: "2026-11-21" }, ["000002 p1"]],
    [{ to: "2026-11-20" }, ["000001 p1", "000001 p2"]],
    [{ statuses: ["in_stock" as const] }, ["000001 p1"]],
    [{ statuses: ["processing" as const], openOnly: true }, ["000001 p2"]],
  ])("product readiness filtered by %j", (filter, expected) => {
    expect(productReadiness(orders, records, shipped, filter).map((l) => `${l.number} ${l.productId}`)).toEqual(
      expected,
    );
  });

  it("product readiness: a line the ERP has not reported is В обработке", () => {
    const [first] = productReadiness(orders, records, shipped, { search: "001", statuses: ["processing"] });
    expect(first).toMatchObject({
      productId: "p2",
      status: "processing",
      guaranteedDate: null,
      leftToShip: 4,
      amount: 4000,
    });
  });
});
