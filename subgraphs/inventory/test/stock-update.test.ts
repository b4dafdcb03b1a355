import type { Actor } from "@dpp/auth";
import { callSubgraph, dealerActor, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventoryFixture, startInventory } from "./fixture.ts";

const T = "ten_erp";
const staff: Actor = {
  kind: "user",
  userId: "usr_m",
  tenantId: T,
  companyId: null,
  roles: ["manager"],
  permissions: [],
};
let fx: InventoryFixture;
let admin: postgres.Sql;

beforeAll(async () => {
  fx = await startInventory([
    {
      id: T,
      features: { stockDisplay: { mode: "exact" }, lowStockThreshold: 5 },
      warehouses: [
        { id: "whs_msk", code: "MSK", name: "Москва", city: "Москва", address: "-" },
        { id: "whs_spb", code: "SPB", name: "Петербург", city: "Санкт-Петербург", address: "-" },
      ],
      stock: [{ productId: "prd_1", warehouseId: "whs_msk", quantity: 10 }],
      products: [
        { id: "prd_1", article: "0983" },
        { id: "prd_2", article: "BM63" },
      ],
    },
    // Another tenant with the same article: never resolved for T.
    {
      id: "ten_other",
      features: { stockDisplay: { mode: "exact" } },
      warehouses: [],
      stock: [],
      products: [{ id: "prd_x", article: "X1" }],
    },
  ]);
  admin = postgres(fx.db.adminUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await fx?.stop();
});

const SET = `mutation($rows: [StockLevelUpdateInput!]!) { setStockLevels(rows: $rows) {
  applied rows changed errors { row code message } } }`;
type Report = {
  setStockLevels: {
    applied: boolean;
    rows: number;
    changed: number;
    errors: { row: number; code: string; message: string }[];
  };
};
const set = (rows: unknown[], actor: Actor = staff) =>
  callSubgraph<Report>(fx.url, TEST_INTERNAL_SECRET, actor, SET, { rows });

const stock = () =>
  admin<{ product_id: string; warehouse_id: string; quantity: number }[]>`
    select product_id, warehouse_id, quantity from inventory.stock_levels where tenant_id = ${T} order by 1, 2`;

describe("setStockLevels (ERP)", () => {
  it("sets quantities by warehouse code and article; a repeat changes nothing", async () => {
    const rows = [
      { warehouseCode: "SPB", article: "0983", quantity: 4 },
      { warehouseCode: "MSK", article: "0983", quantity: 12 },
      { warehouseCode: "MSK", article: "BM63", quantity: 0 },
    ];
    const first = await set(rows);
    expect(first.errors).toBeUndefined();
    expect(first.data?.setStockLevels).toEqual({ applied: true, rows: 3, changed: 3, errors: [] });
    expect(await stock()).toEqual([
      { product_id: "prd_1", warehouse_id: "whs_msk", quantity: 12 },
      { product_id: "prd_1", warehouse_id: "whs_spb", quantity: 4 },
      { product_id: "prd_2", warehouse_id: "whs_msk", quantity: 0 },
    ]);
    const again = await set(rows, { kind: "service", service: "erp", tenantId: T });
    expect(again.data?.setStockLevels).toEqual({ applied: true, rows: 3, changed: 0, errors: [] });
  });

  it("names every bad row and leaves the stock untouched", async () => {
    const before = await stock();
    const res = await set([
      { warehouseCode: "MSK", article: "0983", quantity: 1 },
      { warehouseCode: "EKB", article: "0983", quantity: 1 },
      { warehouseCode: "MSK", article: "983", quantity: 1 },
      { warehouseCode: "SPB", article: "BM63", quantity: -5 },
      { warehouseCode: "MSK", article: "0983", quantity: 2 },
      { warehouseCode: "MSK", article: "X1", quantity: 2 },
    ]);
    expect(res.data?.setStockLevels).toEqual({
      applied: false,
      rows: 6,
      changed: 0,
      errors: [
        { row: 2, code: "UNKNOWN_WAREHOUSE", message: "Нет склада с кодом «EKB»" },
        { row: 3, code: "UNKNOWN_ARTICLE", message: "Нет товара с артикулом «983»" },
        { row: 4, code: "NEGATIVE_QUANTITY", message: "Количество должно быть целым и не меньше 0: -5" },
        { row: 5, code: "DUPLICATE_ROW", message: "Склад «MSK» и артикул «0983» уже были в строке 1" },
        { row: 6, code: "UNKNOWN_ARTICLE", message: "Нет товара с артикулом «X1»" },
      ],
    });
    expect(await stock()).toEqual(before);
  });

  it("emits stock.restocked once when a product nobody could order comes back", async () => {
    await admin`delete from inventory.outbox where tenant_id = ${T}`;
    await set([{ warehouseCode: "SPB", article: "BM63", quantity: 3 }]);
    await set([{ warehouseCode: "SPB", article: "BM63", quantity: 5 }]); // was already available
    const events = await admin`select topic, payload from inventory.outbox where tenant_id = ${T} order by id`;
    expect(events).toEqual([
      { topic: "stock.restocked", payload: { productId: "prd_2", article: "BM63", available: 3 } },
    ]);
  });

  it("emits stock.low once when a warehouse's quantity falls to the tenant's threshold", async () => {
    await set([{ warehouseCode: "MSK", article: "0983", quantity: 30 }]);
    await admin`delete from inventory.outbox where tenant_id = ${T}`;
    await set([{ warehouseCode: "MSK", article: "0983", quantity: 5 }]); // falls to the threshold (5)
    await set([{ warehouseCode: "MSK", article: "0983", quantity: 2 }]); // already low: quiet
    await set([{ warehouseCode: "MSK", article: "0983", quantity: 9 }]); // back above
    const events = await admin`select topic, payload from inventory.outbox where tenant_id = ${T} order by id`;
    expect(events).toEqual([
      { topic: "stock.low", payload: { productId: "prd_1", article: "0983", warehouseId: "whs_msk", quantity: 5 } },
    ]);
  });

  it("is for staff and services: a dealer is refused", async () => {
    const res = await set([{ warehouseCode: "MSK", article: "0983", quantity: 1 }], dealerActor(T));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
