import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Actor, INTERNAL_TOKEN_HEADER, verifyInternalToken } from "@dpp/auth";
import { callSubgraph, TEST_INTERNAL_SECRET, takeConsoleErrors } from "@dpp/testkit";
import { createInventoryService, createOrderEvents, quietLogger, startWorker, type Worker } from "@dpp/worker";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type InventoryFixture, startInventory } from "./fixture.ts";

/**
 * The expiry path end to end except for orders: inventory (real), graphile-worker running the
 * real outbox task at the hold time, and a real HTTP server standing in for the orders service
 * that records what applyOrderEvent receives (the orders subgraph implements the transition).
 */
const T = "ten_exp";
let fx: InventoryFixture;
let admin: postgres.Sql;
let inventoryUrl: string;
let worker: Worker;
let orders: Server;
let close: () => Promise<void>;
const received: { actor: Actor; orderId: string; event: string }[] = [];
let failNext = 0;

beforeAll(async () => {
  fx = await startInventory([
    {
      id: T,
      features: { stockDisplay: { mode: "exact" } },
      warehouses: [{ id: "whs_1", code: "MSK", name: "Склад", city: "Москва", address: "-" }],
      stock: [{ productId: "prd_1", warehouseId: "whs_1", quantity: 10 }],
    },
  ]);
  admin = postgres(fx.db.adminUrl, { max: 1, onnotice: () => {} });
  inventoryUrl = fx.baseUrl;
  orders = createHttpServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const { actor } = await verifyInternalToken(req.headers[INTERNAL_TOKEN_HEADER] as string, TEST_INTERNAL_SECRET);
    const { variables } = JSON.parse(body) as { variables: { orderId: string; event: string } };
    res.setHeader("content-type", "application/json");
    if (failNext > 0) {
      failNext--;
      res.statusCode = 503;
      res.end(JSON.stringify({ errors: [{ message: "orders unavailable" }] }));
      return;
    }
    received.push({ actor, ...variables });
    res.end(JSON.stringify({ data: { applyOrderEvent: { __typename: "Order" } } }));
  });
  await new Promise<void>((r) => orders.listen(0, "127.0.0.1", r));
  const ordersUrl = `http://127.0.0.1:${(orders.address() as AddressInfo).port}`;
  worker = await startWorker({
    databaseUrl: fx.db.appUrl,
    queueDatabaseUrl: fx.db.adminUrl,
    outboxSchemas: ["inventory"],
    pollInterval: 100,
    logger: quietLogger(),
    // Mail and the user directory take no part in expiry.
    mailer: { send: () => Promise.reject(new Error("no mail expected")), close: () => {} },
    directory: { userById: () => Promise.reject(new Error("no lookup expected")) },
    inventory: createInventoryService({ inventoryUrl, internalTokenSecret: TEST_INTERNAL_SECRET }),
    orderEvents: createOrderEvents({ ordersUrl, internalTokenSecret: TEST_INTERNAL_SECRET }),
  });
  close = async () => {
    await worker.stop();
    await new Promise((r) => orders.close(r));
    await admin.end();
    await fx.stop();
  };
});
afterAll(async () => close?.());

const service: Actor = { kind: "service", service: "orders", tenantId: T };
const reserve = (orderId: string, quantity: number, holdMs: number) =>
  callSubgraph(
    `${inventoryUrl}/graphql`,
    TEST_INTERNAL_SECRET,
    service,
    `mutation($input: ReserveOrderStockInput!) { reserveOrderStock(input: $input) { __typename } }`,
    {
      input: {
        orderId,
        holdUntil: new Date(Date.now() + holdMs).toISOString(),
        lines: [{ productId: "prd_1", quantity }],
      },
    },
  );

const reserved = async () =>
  (await admin<{ reserved: number }[]>`select reserved from inventory.stock_levels where tenant_id = ${T}`)[0]
    ?.reserved;

async function until(check: () => Promise<boolean> | boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

it("at the hold time the queue releases the stock once and tells orders; a released order is left alone", async () => {
  await reserve("ord_cancelled", 2, 3_600_000);
  await reserve("ord_expires", 3, 1000);
  expect(await reserved()).toBe(5);
  const release = await callSubgraph<{ releaseOrderStock: boolean }>(
    `${inventoryUrl}/graphql`,
    TEST_INTERNAL_SECRET,
    service,
    `mutation { releaseOrderStock(orderId: "ord_cancelled") }`,
  );
  expect(release.data?.releaseOrderStock).toBe(true);
  expect(await reserved()).toBe(3);
  // The cancelled order's timer still fires (brought forward here instead of waiting an hour).
  await admin`update graphile_worker._private_jobs set run_at = now() where payload->>'schema' = 'inventory'
    and run_at > now() + interval '1 minute'`;

  await until(async () => {
    const [row] = await admin<{ n: number }[]>`
      select count(*)::int as n from inventory.outbox where tenant_id = ${T} and processed_at is null`;
    return row?.n === 0;
  });
  expect(await reserved()).toBe(0);
  expect(received).toEqual([
    {
      actor: { kind: "service", service: "worker", tenantId: T },
      orderId: "ord_expires",
      event: "reservation_expired",
    },
  ]);
});

it("when orders fails the job is retried: orders hears about it again, the stock went back only once", async () => {
  received.length = 0;
  failNext = 1;
  await reserve("ord_retry", 4, 300);
  expect(await reserved()).toBe(4);
  await until(() => received.length === 1, 20_000);
  expect(received[0]).toMatchObject({ orderId: "ord_retry", event: "reservation_expired" });
  expect(await reserved()).toBe(0);
  // The failed attempt was logged by graphile-worker, as it should be.
  expect(takeConsoleErrors().map((c) => String(c[0]))).toEqual([expect.stringContaining("orders unavailable")]);
  const [r] = await admin`select status from inventory.reservations where tenant_id = ${T} and order_id = 'ord_retry'`;
  expect(r?.status).toBe("expired");
});
