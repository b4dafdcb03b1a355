import type { Actor } from "@dpp/auth";
import { createMailer } from "@dpp/mail";
import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { callSubgraph, dealerActor, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import { createInventoryService, quietLogger, startWorker, type Worker } from "@dpp/worker";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type InventoryFixture, startInventory } from "./fixture.ts";

/**
 * "Notify me when in stock" end to end: dealers subscribe, an ERP update brings the product back,
 * the outbox job mails each subscriber once through a real SMTP server. Identity's user
 * directory is the one part replaced: a fixed list of the two dealers.
 */
const T = "ten_notify";
let fx: InventoryFixture;
let smtp: TestSmtpServer;
let worker: Worker;
let admin: postgres.Sql;
const anna = dealerActor(T, "cmp_1", "usr_anna");
const boris = dealerActor(T, "cmp_2", "usr_boris");
const erp: Actor = { kind: "service", service: "erp", tenantId: T };
const people: Record<string, { email: string; fullName: string }> = {
  usr_anna: { email: "anna@dealer.example", fullName: "Анна Петрова" },
  usr_boris: { email: "boris@dealer.example", fullName: "Борис Иванов" },
};

beforeAll(async () => {
  fx = await startInventory([
    {
      id: T,
      features: { stockDisplay: { mode: "exact" } },
      warehouses: [{ id: "whs_1", code: "MSK", name: "Москва", city: "Москва", address: "-" }],
      stock: [{ productId: "prd_1", warehouseId: "whs_1", quantity: 0 }],
      products: [{ id: "prd_1", article: "OC90" }],
    },
  ]);
  admin = postgres(fx.db.adminUrl, { max: 1, onnotice: () => {} });
  smtp = await startTestSmtpServer();
  worker = await startWorker({
    databaseUrl: fx.db.appUrl,
    queueDatabaseUrl: fx.db.adminUrl,
    outboxSchemas: ["inventory"],
    pollInterval: 100,
    logger: quietLogger(),
    mailer: createMailer({ kind: "smtp", url: smtp.url, from: "Портал <no-reply@portal.example>" }),
    directory: { userById: async (tenantId, userId) => (tenantId === T ? (people[userId] ?? null) : null) },
    inventory: createInventoryService({ inventoryUrl: fx.baseUrl, internalTokenSecret: TEST_INTERNAL_SECRET }),
  });
});
afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
  await admin?.end();
  await fx?.stop();
});

const gql = <T>(actor: Actor, query: string) => callSubgraph<T>(fx.url, TEST_INTERNAL_SECRET, actor, query);
const setStock = (quantity: number) =>
  gql(
    erp,
    `mutation { setStockLevels(rows: [{ warehouseCode: "MSK", article: "OC90", quantity: ${quantity} }]) { applied } }`,
  );
const subscribed = async (actor: Actor) =>
  (
    await gql<{ _entities: { restockSubscribed: boolean }[] }>(
      actor,
      `{ _entities(representations: [{ __typename: "Product", id: "prd_1" }]) { ... on Product { restockSubscribed } } }`,
    )
  ).data?._entities[0]?.restockSubscribed;

async function settled() {
  for (let i = 0; i < 200; i++) {
    const [row] = await admin<{ n: number }[]>`
      select count(*)::int as n from inventory.outbox where tenant_id = ${T} and processed_at is null`;
    if (row?.n === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("outbox not processed");
}

it("a restock mails each waiting dealer once; a later restock mails nobody", async () => {
  for (const actor of [anna, boris, anna]) {
    const res = await gql<{ subscribeToRestock: boolean }>(
      actor,
      `mutation { subscribeToRestock(productId: "prd_1") }`,
    );
    expect(res.data?.subscribeToRestock).toBe(true);
  }
  expect(await subscribed(anna)).toBe(true);
  await setStock(5);
  const mails = await smtp.waitForMessages(2, 15_000);
  expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual(["anna@dealer.example", "boris@dealer.example"]);
  expect(mails[0]?.subject).toBe("Товар OC90 снова в наличии");
  expect(mails.find((m) => m.envelope.to[0] === "anna@dealer.example")?.text).toContain("Здравствуйте, Анна Петрова!");
  await settled();
  expect(await subscribed(anna)).toBe(false);

  // Sold out and back again: nobody is waiting any more.
  await setStock(0);
  await setStock(3);
  await settled();
  expect(smtp.messages).toHaveLength(2);

  // Boris asks again; the next restock mails only him.
  await gql(boris, `mutation { subscribeToRestock(productId: "prd_1") }`);
  const un = await gql<{ unsubscribeFromRestock: boolean }>(
    anna,
    `mutation { unsubscribeFromRestock(productId: "prd_1") }`,
  );
  expect(un.data?.unsubscribeFromRestock).toBe(false);
  await setStock(0);
  await setStock(1);
  await smtp.waitForMessages(3, 15_000);
  await settled();
  expect(smtp.messages.map((m) => m.envelope.to[0]).slice(2)).toEqual(["boris@dealer.example"]);
});

it("claiming is idempotent by event and for services only", async () => {
  const claim = `mutation { claimRestockSubscribers(productId: "prd_1", eventId: "evt_x") }`;
  const svc: Actor = { kind: "service", service: "worker", tenantId: T };
  await gql(anna, `mutation { subscribeToRestock(productId: "prd_1") }`);
  const first = await gql<{ claimRestockSubscribers: string[] }>(svc, claim);
  const again = await gql<{ claimRestockSubscribers: string[] }>(svc, claim);
  expect(first.data?.claimRestockSubscribers).toEqual(["usr_anna"]);
  expect(again.data?.claimRestockSubscribers).toEqual(["usr_anna"]);
  const dealer = await gql(anna, claim);
  expect(dealer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
});
