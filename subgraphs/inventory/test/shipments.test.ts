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

const waybill = {
  number: "РН-000517",
  date: "2026-11-20",
  consignee: "ООО «ТехноСнаб»",
  address: "Москва, ул. Складская, 5",
  deliveryMethod: "Самовывоз",
  lines: [
    { orderId: "ord_2", productId: "prd_1", quantity: 3 },
    { orderId: "ord_1", productId: "prd_1", quantity: 2 },
  ],
};

describe("shipments", () => {
  it("records a waybill linked to its orders with a shipment.created event; a repeat returns it", async () => {
    const res = await create(waybill);
    expect(res.errors).toBeUndefined();
    expect(res.data?.createShipment).toMatchObject({
      __typename: "Waybill",
      number: "РН-000517",
      date: "2026-11-20",
      consignee: "ООО «ТехноСнаб»",
      orderIds: ["ord_1", "ord_2"],
      lines: [
        { orderId: "ord_1", productId: "prd_1", quantity: 2 },
        { orderId: "ord_2", productId: "prd_1", quantity: 3 },
      ],
    });
    const again = await create({ ...waybill, lines: [{ orderId: "ord_9", productId: "prd_9", quantity: 1 }] });
    expect(again.data?.createShipment.id).toBe(res.data?.createShipment.id);
    const events = await admin`select topic, payload from inventory.outbox where tenant_id = ${T}`;
    expect(events).toEqual([
      {
        topic: "shipment.created",
        payload: {
          shipmentId: res.data?.createShipment.id,
          number: "РН-000517",
          orderIds: ["ord_1", "ord_2"],
          date: "2026-11-20",
        },
      },
    ]);
  });

  it("shows an order's shipments through the Order entity and lists the latest for staff", async () => {
    const ent = await callSubgraph<{ _entities: { shipments: { number: string }[] }[] }>(
      fx.url,
      TEST_INTERNAL_SECRET,
      dealerActor(T),
      `{ _entities(representations: [{ __typename: "Order", id: "ord_1" }, { __typename: "Order", id: "ord_x" }]) {
        ... on Order { shipments { number } } } }`,
    );
    expect(ent.data?._entities).toEqual([{ shipments: [{ number: "РН-000517" }] }, { shipments: [] }]);
    const list = await callSubgraph<{ shipments: { number: string }[] }>(
      fx.url,
      TEST_INTERNAL_SECRET,
      erp,
      "{ shipments { number } }",
    );
    expect(list.data?.shipments).toEqual([{ number: "РН-000517" }]);
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
    expect(row?.n).toBe(1);
  });
});
