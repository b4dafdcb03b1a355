import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { demoTenantDefinitions } from "@dpp/tenant";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedFinance } from "../src/index.ts";

/**
 * Finance's outbox (contracts §4) and the facts the orders workflow asks for (§3), against a real
 * PostgreSQL: invoice.issued and payment.recorded are written with the invoice or payment (and
 * enqueue a job), the last payment of an invoice says it is paid in full, orderPaid agrees, and
 * the finance.view right gates a dealer's view of money.
 */
let db: TestDatabase;
let url: string;
let admin: postgres.Sql;
let stop: () => Promise<void>;
const TENANT = "ten_fin_outbox";
const COMPANY = "cmp_fin_1";
const service: Actor = { kind: "service", service: "worker", tenantId: TENANT };

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const seeding = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const definition = demoTenantDefinitions[0];
  if (!definition) throw new Error("no demo tenant");
  await seedFinance(seeding.db, [
    {
      id: TENANT,
      definition,
      contracts: [
        {
          id: "ctr_fin_1",
          companyId: COMPANY,
          counterpartyId: null,
          number: "Д-77",
          signedOn: "2026-01-10",
          paymentTerms: "prepayment",
          deferralDays: 0,
          creditLimit: null,
          shipments: [],
          payments: [],
        },
      ],
    },
  ]);
  await seeding.stop();
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const l = await listen(server.app, 0);
  url = `${l.url}/graphql`;
  admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
  stop = async () => {
    await admin.end();
    await l.close();
    await server.stop();
    await db.drop();
  };
});
afterAll(async () => {
  await stop?.();
});

const EVENT = `mutation($i: OrderFinanceEventInput!) { recordOrderEvent(input: $i, submitted: true) { invoice { number } } }`;
const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename ... on FinanceError { code } } }`;
const PAID = "query($o: ID!) { orderPaid(orderId: $o) }";

type Row = { topic: string; payload: Record<string, unknown> };
const events = async (topic: string) =>
  admin<
    Row[]
  >`select topic, payload from finance.outbox where tenant_id = ${TENANT} and topic = ${topic} order by created_at`;

describe("finance outbox and payment facts", () => {
  it("issues invoice.issued once with the invoice, enqueued for the worker", async () => {
    const input = {
      orderId: "ord_fin_1",
      number: "000501",
      companyId: COMPANY,
      statusCode: "new",
      amount: 1_200_000,
      date: "2026-11-20",
    };
    for (let i = 0; i < 2; i++) {
      const r = await callSubgraph(url, TEST_INTERNAL_SECRET, service, EVENT, { i: input });
      expect(r.errors).toBeUndefined();
    }
    const issued = await events("invoice.issued");
    expect(issued).toHaveLength(1);
    expect(issued[0]?.payload).toMatchObject({
      number: "000501",
      orderId: "ord_fin_1",
      companyId: COMPANY,
      amount: { amount: 1_200_000, currency: "RUB" },
      dueDate: expect.stringMatching(/^2026-1\d-\d\d$/),
    });
    // Only finance's migrations run in this database: every outbox job is finance's.
    const [job] = await admin<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs
      where task_identifier = 'outbox'`;
    expect(job?.n).toBeGreaterThanOrEqual(1);
  });

  it("payment.recorded says when the order's invoice is paid in full; orderPaid agrees; repeats add nothing", async () => {
    const pay = (externalId: string, amount: number) =>
      callSubgraph(url, TEST_INTERNAL_SECRET, service, PAY, {
        i: { externalId, invoiceNumber: "000501", documentNumber: externalId, paidOn: "2026-11-21", amount },
      });
    const paid = async () =>
      (await callSubgraph<{ orderPaid: boolean }>(url, TEST_INTERNAL_SECRET, service, PAID, { o: "ord_fin_1" })).data
        ?.orderPaid;
    await pay("pp-1", 700_000);
    expect(await paid()).toBe(false);
    await pay("pp-2", 500_000);
    await pay("pp-2", 500_000);
    expect(await paid()).toBe(true);
    const recorded = (await events("payment.recorded")).map((e) => e.payload);
    expect(recorded).toHaveLength(2);
    expect(recorded[0]).toMatchObject({ orderId: "ord_fin_1", invoiceNumber: "000501", invoiceFullyPaid: false });
    expect(recorded[1]).toMatchObject({
      orderId: "ord_fin_1",
      amount: { amount: 500_000, currency: "RUB" },
      invoicePaid: { amount: 1_200_000, currency: "RUB" },
      invoiceFullyPaid: true,
    });
    const none = await callSubgraph<{ orderPaid: boolean }>(url, TEST_INTERNAL_SECRET, service, PAID, { o: "ord_x" });
    expect(none.data?.orderPaid).toBe(false);
  });

  it("a submission without the order's amount is refused and issues nothing", async () => {
    const input = { orderId: "ord_fin_2", number: "000502", companyId: COMPANY, statusCode: "new", date: "2026-11-20" };
    const r = await callSubgraph(url, TEST_INTERNAL_SECRET, service, EVENT, { i: input });
    expect(r.errors?.[0]).toMatchObject({
      message: "recordOrderEvent: a submission carries the order's amount",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const issued = (await events("invoice.issued")).filter((e) => e.payload.orderId === "ord_fin_2");
    expect(issued).toEqual([]);
  });

  it("orderPaid is for staff and services; dealers are refused", async () => {
    const r = await callSubgraph(url, TEST_INTERNAL_SECRET, dealerActor(TENANT, COMPANY), PAID, { o: "ord_fin_1" });
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a dealer user without finance.view sees no balance, credit status, documents or acts", async () => {
    const base = dealerActor(TENANT, COMPANY);
    const without: Actor = base.kind === "user" ? { ...base, permissions: ["orders.send"] } : base;
    const refused = async (query: string, variables: Record<string, unknown> = {}) =>
      (await callSubgraph(url, TEST_INTERNAL_SECRET, without, query, variables)).errors?.[0]?.extensions?.code;
    expect(await refused("{ finance { balance { amount } } }")).toBe("FORBIDDEN");
    expect(await refused("query($c: ID!) { creditStatus(companyId: $c) { allowed } }", { c: COMPANY })).toBe(
      "FORBIDDEN",
    );
    expect(await refused("mutation { requestReconciliationAct { __typename } }")).toBe("FORBIDDEN");
    expect(await refused('{ documentFile(token: "x") { __typename } }')).toBe("FORBIDDEN");
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { documents { type { code } } } } }`;
    const rep = { r: [{ __typename: "Order", id: "ord_fin_1", statusCode: "shipped" }] };
    const hidden = await callSubgraph<{ _entities: { documents: unknown[] }[] }>(
      url,
      TEST_INTERNAL_SECRET,
      without,
      ENTITIES,
      rep,
    );
    expect(hidden.data?._entities[0]?.documents).toEqual([]);
    const shown = await callSubgraph<{ _entities: { documents: unknown[] }[] }>(
      url,
      TEST_INTERNAL_SECRET,
      base,
      ENTITIES,
      rep,
    );
    expect(shown.data?._entities[0]?.documents.length).toBeGreaterThan(0);
    const allowed = await callSubgraph(url, TEST_INTERNAL_SECRET, base, "{ finance { balance { amount } } }");
    expect(allowed.errors).toBeUndefined();
  });
});
