import type { Actor } from "@dpp/auth";
import { callSubgraph, dealerActor, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventoryFixture, startInventory } from "./fixture.ts";

const T = "ten_ship";
const erp: Actor = { kind: "service", service: "erp", tenantId: T };
let fx: InventoryFixture;
let admin: postgres.Sql;

beforeAll(async () => {
  fx = await startInventory([{ id: T, features: { stockDisplay: { mode: "exact" } }, warehouses: [], stock: [] }]);
  admin = postgres(fx.db.adminUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await fx?.stop();
});

const CREATE = `mutation($input: CreateWaybillInput!) { createShipment(input: $input) {
  __typename ... on Waybill { id number date consignee orderIds lines { orderId productId quantity } }
  ... on WaybillError { message problems { row message } } } }`;
type Created = { createShipment: Record<string, unknown> & { id?: string } };
const create = (input: Record<string, unknown>, actor: Actor = erp) =>
  callSubgraph<Created>(fx.url, TEST_INTERNAL_SECRET, actor, CREATE, { input });

// Waybills with real orders (buyer, sum, mail, reports): shipments-readiness.test.ts on the whole platform.
describe("shipments", () => {
  it("lists nothing for a dealer user without a company (staff and the ERP list the tenant's)", async () => {
    const list = await callSubgraph(fx.url, TEST_INTERNAL_SECRET, erp, "{ shipments { number } }");
    expect(list.data).toEqual({ shipments: [] });
    const dealer = await callSubgraph(fx.url, TEST_INTERNAL_SECRET, dealerActor(T), "{ shipments { number } }");
    expect(dealer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a bad waybill, naming every problem, and records nothing", async () => {
    const res = await create({
      number: " ",
      date: "2026-02-30",
      lines: [
        { orderId: "ord_1", productId: "prd_1", quantity: 0 },
        { orderId: "ord_1", productId: "prd_1", quantity: 1 },
      ],
    });
    expect(res.data?.createShipment).toEqual({
      __typename: "WaybillError",
      message: "Накладная не принята",
      problems: [
        { row: 0, message: "Не указан номер накладной" },
        { row: 0, message: "Дата должна быть в виде ГГГГ-ММ-ДД: 2026-02-30" },
        { row: 1, message: "Количество должно быть целым положительным: 0" },
        { row: 2, message: "Заказ и товар уже были в строке 1" },
      ],
    });
    const [row] = await admin<
      { n: number }[]
    >`select count(*)::int as n from inventory.shipments where tenant_id = ${T}`;
    expect(row?.n).toBe(0);
  });
});
