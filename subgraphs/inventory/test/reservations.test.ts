import type { Actor } from "@dpp/auth";
import { callSubgraph, dealerActor, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expireReservation, releaseStock, reserveStock } from "../src/db/reservations.ts";
import { type InventoryFixture, startInventory } from "./fixture.ts";

const T = "ten_res";
const service: Actor = { kind: "service", service: "orders", tenantId: T };
let fx: InventoryFixture;
let url: string;
let server: InventoryFixture["server"];
let admin: postgres.Sql;

const PRODUCTS = ["prd_a", "prd_b", "prd_c"];
const WAREHOUSES = ["whs_1", "whs_2"];

beforeAll(async () => {
  fx = await startInventory([
    {
      id: T,
      features: { stockDisplay: { mode: "exact" } },
      warehouses: WAREHOUSES.map((id, i) => ({ id, code: `W${i + 1}`, name: id, city: "Москва", address: "-" })),
      stock: [],
    },
  ]);
  url = fx.url;
  server = fx.server;
  admin = postgres(fx.db.adminUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await admin?.end();
  await fx?.stop();
});

/** Sets every product × warehouse to `quantity` on hand and clears all reservations. */
async function resetStock(quantity: (productId: string, warehouseId: string) => number) {
  await admin`delete from inventory.reservations where tenant_id = ${T}`;
  await admin`delete from inventory.outbox where tenant_id = ${T}`;
  await admin`delete from inventory.stock_levels where tenant_id = ${T}`;
  for (const p of PRODUCTS) {
    for (const w of WAREHOUSES) {
      await admin`insert into inventory.stock_levels (tenant_id, product_id, warehouse_id, quantity) values (${T}, ${p}, ${w}, ${quantity(p, w)})`;
    }
  }
}

async function stockRows() {
  return admin<{ product_id: string; warehouse_id: string; quantity: number; reserved: number }[]>`
    select product_id, warehouse_id, quantity, reserved from inventory.stock_levels where tenant_id = ${T} order by 1, 2`;
}

async function reservationCount(): Promise<number> {
  const [row] = await admin<
    { n: number }[]
  >`select count(*)::int as n from inventory.reservations where tenant_id = ${T}`;
  return row?.n ?? -1;
}

const RESERVE = `mutation($input: ReserveOrderStockInput!) { reserveOrderStock(input: $input) {
  __typename
  ... on Reservation { orderId status expiresAt lines { productId warehouseId quantity } }
  ... on ReservationError { code message shortages { productId warehouseId requested available } } } }`;

type ReserveData = {
  reserveOrderStock: {
    __typename: string;
    orderId?: string;
    status?: string;
    expiresAt?: string | null;
    lines?: { productId: string; warehouseId: string; quantity: number }[];
    code?: string;
    shortages?: { productId: string; warehouseId: string | null; requested: number; available: number }[];
  };
};

const reserve = (input: Record<string, unknown>, actor: Actor = service) =>
  callSubgraph<ReserveData>(url, TEST_INTERNAL_SECRET, actor, RESERVE, { input });

describe("reserveOrderStock", () => {
  beforeEach(() => resetStock((p, w) => (p === "prd_a" ? (w === "whs_1" ? 3 : 5) : 10)));

  it("holds every line, splitting an unnamed warehouse over warehouses in code order", async () => {
    const res = await reserve({
      orderId: "ord_1",
      lines: [
        { productId: "prd_a", quantity: 6 },
        { productId: "prd_b", quantity: 2, warehouseId: "whs_2" },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.reserveOrderStock).toEqual({
      __typename: "Reservation",
      orderId: "ord_1",
      status: "ACTIVE",
      expiresAt: null,
      lines: [
        { productId: "prd_a", warehouseId: "whs_1", quantity: 3 },
        { productId: "prd_a", warehouseId: "whs_2", quantity: 3 },
        { productId: "prd_b", warehouseId: "whs_2", quantity: 2 },
      ],
    });
    const ent = await callSubgraph<{ _entities: { availableQuantity: number; stock: { available: number }[] }[] }>(
      url,
      TEST_INTERNAL_SECRET,
      dealerActor(T),
      `{ _entities(representations: [{ __typename: "Product", id: "prd_a" }]) { ... on Product { availableQuantity stock { quantity reserved available } } } }`,
    );
    expect(ent.data?._entities[0]).toEqual({
      availableQuantity: 2,
      stock: [
        { quantity: 3, reserved: 3, available: 0 },
        { quantity: 5, reserved: 3, available: 2 },
      ],
    });
  });

  it("refuses all lines when one is short, naming every shortage, and holds nothing", async () => {
    const res = await reserve({
      orderId: "ord_2",
      lines: [
        { productId: "prd_b", quantity: 1 },
        { productId: "prd_a", quantity: 9 },
        { productId: "prd_c", quantity: 11, warehouseId: "whs_1" },
      ],
    });
    expect(res.data?.reserveOrderStock).toEqual({
      __typename: "ReservationError",
      code: "INSUFFICIENT_STOCK",
      message: "Недостаточно товара на складе",
      shortages: [
        { productId: "prd_c", warehouseId: "whs_1", requested: 11, available: 10 },
        { productId: "prd_a", warehouseId: null, requested: 9, available: 8 },
      ],
    });
    expect((await stockRows()).every((r) => r.reserved === 0)).toBe(true);
    expect(await reservationCount()).toBe(0);
  });

  it("is idempotent by order id: a repeat returns the same reservation and holds nothing more", async () => {
    const input = { orderId: "ord_3", lines: [{ productId: "prd_b", quantity: 4 }] };
    const [a, b] = await Promise.all([
      reserve(input),
      reserve({ ...input, lines: [{ productId: "prd_b", quantity: 9 }] }),
    ]);
    expect(a.data?.reserveOrderStock.lines).toEqual(b.data?.reserveOrderStock.lines);
    const reserved = (await stockRows()).filter((r) => r.product_id === "prd_b").reduce((s, r) => s + r.reserved, 0);
    expect(reserved).toBe(a.data?.reserveOrderStock.lines?.reduce((s, l) => s + l.quantity, 0));
  });

  it("refuses bad input with a typed error: unknown warehouse, zero quantity, past hold time", async () => {
    const unknown = await reserve({ orderId: "o", lines: [{ productId: "prd_a", quantity: 1, warehouseId: "whs_x" }] });
    expect(unknown.data?.reserveOrderStock.code).toBe("UNKNOWN_WAREHOUSE");
    const zero = await reserve({ orderId: "o", lines: [{ productId: "prd_a", quantity: 0 }] });
    expect(zero.data?.reserveOrderStock.code).toBe("INVALID_INPUT");
    const past = await reserve({
      orderId: "o",
      holdUntil: "2020-01-01T00:00:00Z",
      lines: [{ productId: "prd_a", quantity: 1 }],
    });
    expect(past.data?.reserveOrderStock.code).toBe("INVALID_INPUT");
    const none = await reserve({ orderId: "o", lines: [] });
    expect(none.data?.reserveOrderStock.code).toBe("INVALID_INPUT");
    expect((await stockRows()).every((r) => r.reserved === 0)).toBe(true);
  });

  it("is for services only: a dealer is refused", async () => {
    const res = await reserve({ orderId: "o", lines: [{ productId: "prd_a", quantity: 1 }] }, dealerActor(T));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("releases once: the stock goes back, a second release answers false", async () => {
    await reserve({ orderId: "ord_4", lines: [{ productId: "prd_c", quantity: 7 }] });
    const release = `mutation { releaseOrderStock(orderId: "ord_4") }`;
    const [first, second] = await Promise.all([
      callSubgraph<{ releaseOrderStock: boolean }>(url, TEST_INTERNAL_SECRET, service, release),
      callSubgraph<{ releaseOrderStock: boolean }>(url, TEST_INTERNAL_SECRET, service, release),
    ]);
    expect([first.data?.releaseOrderStock, second.data?.releaseOrderStock].sort()).toEqual([false, true]);
    expect((await stockRows()).every((r) => r.reserved === 0)).toBe(true);
    const never = await callSubgraph<{ releaseOrderStock: boolean }>(
      url,
      TEST_INTERNAL_SECRET,
      service,
      `mutation { releaseOrderStock(orderId: "ord_never") }`,
    );
    expect(never.data?.releaseOrderStock).toBe(false);
  });
});

describe("never oversells", () => {
  it("200 concurrent reservations against a stock of 50: exactly 50 succeed, stock ends at 0", async () => {
    await resetStock((p, w) => (p === "prd_a" && w === "whs_1" ? 50 : 0));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        reserve({ orderId: `ord_c${i}`, lines: [{ productId: "prd_a", quantity: 1 }] }),
      ),
    );
    expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const kinds = results.map((r) => r.data?.reserveOrderStock.__typename);
    expect(kinds.filter((k) => k === "Reservation")).toHaveLength(50);
    expect(kinds.filter((k) => k === "ReservationError")).toHaveLength(150);
    const row = (await stockRows()).find((r) => r.product_id === "prd_a" && r.warehouse_id === "whs_1");
    expect(row && row.quantity - row.reserved).toBe(0);
    expect(await reservationCount()).toBe(50);
  });

  it("a randomized concurrent history keeps the invariants (fast-check)", async () => {
    const line = fc.record({
      productId: fc.constantFrom(...PRODUCTS),
      quantity: fc.integer({ min: 1, max: 4 }),
      warehouseId: fc.option(fc.constantFrom(...WAREHOUSES), { nil: undefined }),
    });
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("reserve" as const),
        order: fc.integer({ min: 0, max: 11 }),
        lines: fc.array(line, { minLength: 1, maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant("release" as const), order: fc.integer({ min: 0, max: 11 }) }),
    );
    const stockArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(stockArb, fc.array(op, { minLength: 5, maxLength: 40 }), async (stock, history) => {
        await resetStock((p, w) => stock[PRODUCTS.indexOf(p) * 2 + WAREHOUSES.indexOf(w)] ?? 0);
        const outcomes = await Promise.all(
          history.map((o) =>
            o.kind === "reserve"
              ? reserveStock(server.db, T, { orderId: `ord_${o.order}`, expiresAt: null, lines: o.lines })
              : releaseStock(server.db, T, `ord_${o.order}`),
          ),
        );
        const rows = await stockRows();
        const held = await admin<{ product_id: string; warehouse_id: string; q: number }[]>`
          select l.product_id, l.warehouse_id, sum(l.quantity)::int as q from inventory.reservation_lines l
          join inventory.reservations r using (tenant_id, order_id)
          where l.tenant_id = ${T} and r.status = 'active' group by 1, 2`;
        for (const r of rows) {
          // Never oversold, never negative, and reserved is exactly what active reservations hold.
          expect(r.reserved).toBeGreaterThanOrEqual(0);
          expect(r.reserved).toBeLessThanOrEqual(r.quantity);
          const h = held.find((x) => x.product_id === r.product_id && x.warehouse_id === r.warehouse_id);
          expect(r.reserved).toBe(h?.q ?? 0);
        }
        // Every successful reservation holds exactly what it asked for, per product.
        history.forEach((o, i) => {
          const out = outcomes[i];
          if (o.kind !== "reserve" || typeof out !== "object" || !out.ok || !out.created) return;
          for (const p of PRODUCTS) {
            const asked = o.lines.filter((l) => l.productId === p).reduce((s, l) => s + l.quantity, 0);
            const got = out.reservation.lines.filter((l) => l.productId === p).reduce((s, l) => s + l.quantity, 0);
            expect(got).toBe(asked);
          }
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe("expiry", () => {
  it("schedules a job at the hold time and releases the stock exactly once", async () => {
    await resetStock(() => 5);
    const holdUntil = new Date(Date.now() + 1500).toISOString();
    const res = await reserve({ orderId: "ord_x", holdUntil, lines: [{ productId: "prd_b", quantity: 4 }] });
    expect(res.data?.reserveOrderStock.expiresAt).toBe(holdUntil);
    const [job] = await admin<{ run_at: Date; payload: { schema: string; id: string } }[]>`
      select j.run_at, j.payload from graphile_worker._private_jobs j
        join graphile_worker._private_tasks t on t.id = j.task_id
        where t.identifier = 'outbox' and j.payload->>'schema' = 'inventory'`;
    expect(job?.run_at.toISOString()).toBe(holdUntil);
    const [evt] = await admin`select topic, payload from inventory.outbox where id = ${job?.payload.id ?? ""}`;
    expect(evt).toEqual({ topic: "reservation.expiry_due", payload: { orderId: "ord_x", expiresAt: holdUntil } });

    expect(await expireReservation(server.db, T, "ord_x")).toBe("NOT_DUE");
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(holdUntil) - Date.now()) + 50));
    const runs = await Promise.all([1, 2, 3].map(() => expireReservation(server.db, T, "ord_x")));
    expect(runs.sort()).toEqual(["ALREADY_EXPIRED", "ALREADY_EXPIRED", "EXPIRED"]);
    expect((await stockRows()).every((r) => r.reserved === 0)).toBe(true);
    expect(await releaseStock(server.db, T, "ord_x")).toBe(false);
    expect(await expireReservation(server.db, T, "ord_never")).toBe("NOT_ACTIVE");
  });
});

describe("stock.low from reservations", () => {
  it("a reservation that takes a warehouse down to the tenant's threshold emits stock.low once", async () => {
    await resetStock(() => 12);
    await admin`update inventory.stock_display set low_stock_threshold = 5 where tenant_id = ${T}`;
    try {
      const line = { productId: "prd_a", warehouseId: "whs_1", quantity: 8 };
      expect((await reserveStock(server.db, T, { orderId: "ord_low1", expiresAt: null, lines: [line] })).ok).toBe(true);
      // Already low (4 left): the next reservation is quiet.
      const more = { ...line, quantity: 2 };
      expect((await reserveStock(server.db, T, { orderId: "ord_low2", expiresAt: null, lines: [more] })).ok).toBe(true);
      const events = await admin`select payload from inventory.outbox where tenant_id = ${T} and topic = 'stock.low'`;
      expect(events.map((e) => e.payload)).toEqual([
        { productId: "prd_a", article: null, warehouseId: "whs_1", quantity: 4 },
      ]);
    } finally {
      await admin`update inventory.stock_display set low_stock_threshold = null where tenant_id = ${T}`;
    }
  });
});
