import { callSubgraph, dealerActor, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBusinessDays, businessCalendar, moscowDate } from "../src/domain/calendar.ts";
import { type InventoryFixture, startInventory } from "./fixture.ts";

const T = "ten_lead";
let fx: InventoryFixture;

beforeAll(async () => {
  fx = await startInventory([
    {
      id: T,
      features: {
        stockDisplay: { mode: "exact" },
        leadTime: { shippingDays: 1, replenishmentDays: 7, replenishmentDaysByWarehouse: { KRS: 10 }, calendar: "ru" },
      },
      warehouses: [
        { id: "whs_krs", code: "KRS", name: "Курск", city: "Курск", address: "-" },
        { id: "whs_msk", code: "MSK", name: "Москва", city: "Москва", address: "-" },
      ],
      stock: [
        { productId: "prd_1", warehouseId: "whs_msk", quantity: 2 },
        { productId: "prd_1", warehouseId: "whs_krs", quantity: 40 },
      ],
      products: [{ id: "prd_1", article: "BM63-1" }],
    },
    { id: "ten_none", features: { stockDisplay: { mode: "exact" } }, warehouses: [], stock: [], products: [] },
  ]);
});
afterAll(async () => fx?.stop());

const Q = `query($lines: [LeadTimeRequestInput!]!) { leadTimes(lines: $lines) {
  productId warehouse { code } requested quantity available text parts { quantity businessDays readyDate } } }`;
type Data = {
  leadTimes: {
    warehouse: { code: string };
    requested: number;
    quantity: number;
    available: number;
    text: string;
    parts: { quantity: number; businessDays: number; readyDate: string }[];
  }[];
};

describe("leadTimes", () => {
  it("per warehouse: stock ships in the shipping days, the rest in the warehouse's replenishment days", async () => {
    const res = await callSubgraph<Data>(fx.url, TEST_INTERNAL_SECRET, dealerActor(T), Q, {
      lines: [{ productId: "prd_1", quantity: 5 }],
    });
    expect(res.errors).toBeUndefined();
    const ru = businessCalendar("ru");
    const today = moscowDate(new Date());
    expect(res.data?.leadTimes).toEqual([
      {
        productId: "prd_1",
        warehouse: { code: "KRS" },
        requested: 5,
        quantity: 5,
        available: 40,
        text: "5 шт. - 1 раб. дн.",
        parts: [{ quantity: 5, businessDays: 1, readyDate: addBusinessDays(ru, today, 1) }],
      },
      {
        productId: "prd_1",
        warehouse: { code: "MSK" },
        requested: 5,
        quantity: 5,
        available: 2,
        text: "2 шт. - 1 раб. дн.; 3 шт. - 7 раб. дн.",
        parts: [
          { quantity: 2, businessDays: 1, readyDate: addBusinessDays(ru, today, 1) },
          { quantity: 3, businessDays: 7, readyDate: addBusinessDays(ru, today, 7) },
        ],
      },
    ]);
  });

  it("uses the named warehouse only, and its own replenishment days", async () => {
    const res = await callSubgraph<Data>(
      fx.url,
      TEST_INTERNAL_SECRET,
      { kind: "service", service: "orders", tenantId: T },
      Q,
      {
        lines: [{ productId: "prd_1", quantity: 45, warehouseId: "whs_krs" }],
      },
    );
    expect(res.data?.leadTimes.map((l) => [l.warehouse.code, l.text])).toEqual([
      ["KRS", "40 шт. - 1 раб. дн.; 5 шт. - 10 раб. дн."],
    ]);
  });

  it("refuses unknown products and warehouses and bad quantities; a tenant without lead times says so", async () => {
    const call = (lines: unknown[], tenant = T) =>
      callSubgraph<Data>(fx.url, TEST_INTERNAL_SECRET, dealerActor(tenant), Q, { lines });
    const unknown = await call([{ productId: "prd_nope", quantity: 1 }]);
    expect(unknown.errors?.[0]).toMatchObject({
      message: "Строка 1: нет товара prd_nope",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const wh = await call([{ productId: "prd_1", quantity: 1, warehouseId: "whs_x" }]);
    expect(wh.errors?.[0]?.message).toBe("Строка 1: нет склада whs_x");
    const zero = await call([{ productId: "prd_1", quantity: 0 }]);
    expect(zero.errors?.[0]?.message).toBe("Строка 1: количество должно быть целым положительным");
    const flags = await Promise.all(
      [T, "ten_none"].map((t) =>
        callSubgraph<{ leadTimesAvailable: boolean }>(
          fx.url,
          TEST_INTERNAL_SECRET,
          dealerActor(t),
          "{ leadTimesAvailable }",
        ),
      ),
    );
    expect(flags.map((f) => f.data?.leadTimesAvailable)).toEqual([true, false]);
    const none = await call([{ productId: "prd_1", quantity: 1 }], "ten_none");
    expect(none.errors?.[0]?.extensions?.code).toBe("NOT_AVAILABLE");
  });
});
