import { migrations as catalogMigrations, createServer as createCatalog } from "@dpp/catalog";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations } from "../src/index.ts";
import { seedFixtures } from "./fixtures.ts";

let db: TestDatabase;
let url: string;
let admin: postgres.Sql;
const stops: (() => Promise<void>)[] = [];

const dealerA = dealerActor("ten_a", "cmp_1", "usr_1");
const otherCompany = dealerActor("ten_a", "cmp_2", "usr_2");
const dealerB = dealerActor("ten_b", "cmp_1", "usr_1");

beforeAll(async () => {
  db = await createTestDatabase([catalogMigrations, migrations]);
  admin = postgres(db.adminUrl, { max: 2, onnotice: () => {} });
  await seedFixtures(db.adminUrl);

  const catalog = await createCatalog({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const catalogListening = await listen(catalog.app, 0);
  const orders = await createServer({
    databaseUrl: db.appUrl,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    catalogUrl: catalogListening.url,
    // Not reached: these drafts-and-submission tests fire no workflow guard or effect.
    financeUrl: "http://127.0.0.1:1",
    inventoryUrl: "http://127.0.0.1:1",
  });
  const ordersListening = await listen(orders.app, 0);
  url = `${ordersListening.url}/graphql`;
  stops.push(
    () => ordersListening.close(),
    () => orders.stop(),
    () => catalogListening.close(),
    () => catalog.stop(),
    () => admin.end(),
    () => db.drop(),
  );
});

afterAll(async () => {
  for (const stop of stops) await stop();
});

const ORDER = `id number isDraft name statusCode status { code label category color } comment createdAt submittedAt
  lines { id product { id } article name quantity unit unitPrice { amount currency } amount { amount currency } }
  totals { positions pieces packages massKg positionsWithoutMass volumeM3 positionsWithoutVolume
    baseCost { amount } discount { amount } amount { amount currency } vat { amount currency } }`;
const RESULT = `... on Order { ${ORDER} } ... on OrderError { code message }`;

interface OrderView {
  id: string;
  number: string;
  isDraft: boolean;
  name: string | null;
  statusCode: string;
  status: { code: string; label: string; category: string; color: string };
  comment: string | null;
  submittedAt: string | null;
  lines: {
    id: string;
    product: { id: string };
    article: string;
    quantity: number;
    unit: string;
    unitPrice: { amount: number };
    amount: { amount: number };
  }[];
  totals: {
    positions: number;
    pieces: number;
    packages: number;
    massKg: number;
    positionsWithoutMass: number;
    volumeM3: number;
    positionsWithoutVolume: number;
    baseCost: { amount: number };
    discount: { amount: number };
    amount: { amount: number; currency: string };
    vat: { amount: number };
  };
}
type Result = Partial<OrderView> & { code?: string; message?: string };

const call = <T>(actor = dealerA, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph<T>(url, TEST_INTERNAL_SECRET, actor, query, variables);

async function createDraft(actor = dealerA, name: string | null = null): Promise<OrderView> {
  const res = await call<{ createDraft: OrderView }>(
    actor,
    `mutation($name: String) { createDraft(name: $name) { ${ORDER} } }`,
    {
      name,
    },
  );
  expect(res.errors).toBeUndefined();
  if (!res.data) throw new Error("no draft");
  return res.data.createDraft;
}

async function addLine(actor: typeof dealerA, input: Record<string, unknown>): Promise<Result> {
  const res = await call<{ addOrderLine: Result }>(
    actor,
    `mutation($input: AddOrderLineInput!) { addOrderLine(input: $input) { ${RESULT} } }`,
    { input },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.addOrderLine ?? {};
}

async function submit(
  actor: typeof dealerA,
  orderId: string,
  comment: string | null = null,
  idempotencyKey: string | null = null,
): Promise<Result> {
  const res = await call<{ submitOrder: Result }>(
    actor,
    `mutation($id: ID!, $comment: String, $key: String) {
      submitOrder(orderId: $id, comment: $comment, idempotencyKey: $key) { ${RESULT} } }`,
    { id: orderId, comment, key: idempotencyKey },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.submitOrder ?? {};
}

describe("orders subgraph: drafts", () => {
  it("creates an empty draft with the platform's draft status", async () => {
    const draft = await createDraft(dealerA, "  Весна  ");
    expect(draft).toMatchObject({
      isDraft: true,
      name: "Весна",
      number: "",
      statusCode: "draft",
      status: { code: "draft", label: "Черновик", category: "draft", color: "#6b7280" },
      lines: [],
      totals: {
        positions: 0,
        pieces: 0,
        packages: 0,
        massKg: 0,
        amount: { amount: 0, currency: "RUB" },
        vat: { amount: 0 },
      },
      submittedAt: null,
    });
    expect(draft.id).toMatch(/^ord_/);
  });

  it("adds lines by id and by article at the dealer's own price, totals exact in kopecks", async () => {
    const draft = await createDraft();
    const first = await addLine(dealerA, { orderId: draft.id, productId: "prd_a1", quantity: 5 });
    expect(first.lines).toEqual([
      expect.objectContaining({
        article: "0983",
        quantity: 5,
        unitPrice: { amount: 768200, currency: "RUB" },
        amount: { amount: 3841000, currency: "RUB" },
      }),
    ]);
    expect(first.totals).toEqual({
      positions: 1,
      pieces: 5,
      packages: 5,
      massKg: 0,
      positionsWithoutMass: 1,
      volumeM3: 0,
      positionsWithoutVolume: 1,
      baseCost: { amount: 3841000 },
      discount: { amount: 0 },
      amount: { amount: 3841000, currency: "RUB" },
      vat: { amount: 640167, currency: "RUB" },
    });

    // By article; cmp_1 has 12.5 % off group B: 100000 -> 87500.
    const second = await addLine(dealerA, { orderId: draft.id, article: "0983X", quantity: 2 });
    expect(
      second.lines?.map((l) => [l.product.id, l.article, l.quantity, l.unitPrice.amount, l.amount.amount]),
    ).toEqual([
      ["prd_a1", "0983", 5, 768200, 3841000],
      ["prd_a2", "0983X", 2, 87500, 175000],
    ]);
    // VAT per document (tenant A): round(4016000 / 6) = 669333.
    expect(second.totals).toMatchObject({
      positions: 2,
      pieces: 7,
      amount: { amount: 4016000 },
      vat: { amount: 669333 },
    });

    // Adding the same product again adds to its line.
    const third = await addLine(dealerA, { orderId: draft.id, article: "0983", quantity: 1 });
    expect(third.lines?.map((l) => l.quantity)).toEqual([6, 2]);
  });

  it("lines keep the product's unit; totals count packages, mass, volume, base cost and the discount", async () => {
    const draft = await createDraft();
    await addLine(dealerA, { orderId: draft.id, article: "PK-6", quantity: 12 });
    const r = await addLine(dealerA, { orderId: draft.id, article: "0983X", quantity: 2 });
    expect(r.lines?.map((l) => [l.article, l.quantity, l.unit])).toEqual([
      ["PK-6", 12, "компл"],
      ["0983X", 2, "шт"],
    ]);
    // PK-6: 12 in packs of 6 = 2 packages, 12 × 230 g = 2,76 kg, 12 × 150 cm³ = 0,0018 m³; 0983X: 2 packages,
    // weight and volume unknown. 0983X at 12,5 % off: list 2 × 1 000,00, dealer 2 × 875,00 → discount 250,00.
    expect(r.totals).toMatchObject({
      positions: 2,
      pieces: 14,
      packages: 4,
      massKg: 2.76,
      positionsWithoutMass: 1,
      volumeM3: 0.0018,
      positionsWithoutVolume: 1,
      baseCost: { amount: 12 * 5000 + 2 * 100000 },
      discount: { amount: 25000 },
      amount: { amount: 12 * 5000 + 2 * 87500 },
    });
  });

  it("another company's dealer pays their own price", async () => {
    const draft = await createDraft(otherCompany);
    const r = await addLine(otherCompany, { orderId: draft.id, article: "0983X", quantity: 1 });
    expect(r.lines?.[0]?.unitPrice.amount).toBe(100000);
  });

  it("prices excluding VAT get 20 % on top: 12 × 28100 = 337200 + 67440 = 404640", async () => {
    const draft = await createDraft(dealerB);
    const r = await addLine(dealerB, { orderId: draft.id, article: "OptiDin BM63", quantity: 12 });
    expect(r.lines?.[0]).toMatchObject({ quantity: 12, unitPrice: { amount: 28100 }, amount: { amount: 337200 } });
    expect(r.totals).toMatchObject({ amount: { amount: 404640 }, vat: { amount: 67440 } });
  });

  it("rounds up to the pack multiple where the tenant rounds, refuses a non-multiple where it does not", async () => {
    const b = await createDraft(dealerB);
    const rounded = await addLine(dealerB, { orderId: b.id, productId: "prd_b2", quantity: 11 });
    expect(rounded.lines?.[0]?.quantity).toBe(15);
    const line = rounded.lines?.[0]?.id;
    const set = await call<{ setOrderLineQuantity: Result }>(
      dealerB,
      `mutation($o: ID!, $l: ID!, $q: Int!) { setOrderLineQuantity(orderId: $o, lineId: $l, quantity: $q) { ${RESULT} } }`,
      { o: b.id, l: line, q: 7 },
    );
    // 7 -> 10 (pack 5), which is also the minimum.
    expect(set.data?.setOrderLineQuantity.lines?.[0]?.quantity).toBe(10);
    const below = await call<{ setOrderLineQuantity: Result }>(
      dealerB,
      `mutation($o: ID!, $l: ID!, $q: Int!) { setOrderLineQuantity(orderId: $o, lineId: $l, quantity: $q) { ${RESULT} } }`,
      { o: b.id, l: line, q: 3 },
    );
    expect(below.data?.setOrderLineQuantity).toMatchObject({ code: "BELOW_MINIMUM_QUANTITY" });

    const a = await createDraft(dealerA);
    const refused = await addLine(dealerA, { orderId: a.id, article: "PK-6", quantity: 7 });
    expect(refused).toMatchObject({ code: "NOT_A_PACK_MULTIPLE" });
    expect(refused.message).toContain("PK-6");
    const zero = await addLine(dealerA, { orderId: a.id, article: "PK-6", quantity: 0 });
    expect(zero).toMatchObject({ code: "INVALID_QUANTITY" });
  });

  it("names an unknown product, including another tenant's", async () => {
    const draft = await createDraft();
    expect(await addLine(dealerA, { orderId: draft.id, article: "NOPE-1", quantity: 1 })).toMatchObject({
      code: "UNKNOWN_PRODUCT",
      message: expect.stringContaining("NOPE-1"),
    });
    expect(await addLine(dealerA, { orderId: draft.id, productId: "prd_b1", quantity: 1 })).toMatchObject({
      code: "UNKNOWN_PRODUCT",
      message: expect.stringContaining("prd_b1"),
    });
    expect(await addLine(dealerA, { orderId: draft.id, quantity: 1 })).toMatchObject({ code: "PRODUCT_REQUIRED" });
  });

  it("removes a line", async () => {
    const draft = await createDraft();
    const r = await addLine(dealerA, { orderId: draft.id, productId: "prd_a1", quantity: 1 });
    const res = await call<{ removeOrderLine: Result }>(
      dealerA,
      `mutation($o: ID!, $l: ID!) { removeOrderLine(orderId: $o, lineId: $l) { ${RESULT} } }`,
      { o: draft.id, l: r.lines?.[0]?.id },
    );
    expect(res.data?.removeOrderLine).toMatchObject({ lines: [], totals: { positions: 0 } });
    const again = await call<{ removeOrderLine: Result }>(
      dealerA,
      `mutation($o: ID!, $l: ID!) { removeOrderLine(orderId: $o, lineId: $l) { ${RESULT} } }`,
      { o: draft.id, l: r.lines?.[0]?.id },
    );
    expect(again.data?.removeOrderLine).toMatchObject({ code: "LINE_NOT_FOUND" });
  });
});

describe("orders subgraph: submission", () => {
  it("refuses to submit an empty draft", async () => {
    const draft = await createDraft();
    expect(await submit(dealerA, draft.id)).toMatchObject({
      code: "EMPTY_ORDER",
      message: expect.stringContaining("нет ни одной позиции"),
    });
  });

  it("submits into the tenant workflow's first status with a number and an outbox event, in one go", async () => {
    const jobsBefore = await queuedOutboxJobs();
    const draft = await createDraft(dealerB);
    await addLine(dealerB, { orderId: draft.id, productId: "prd_b1", quantity: 12 });
    const order = await submit(dealerB, draft.id, " Доставка до склада ");
    expect(order).toMatchObject({
      id: draft.id,
      isDraft: false,
      statusCode: "invoiced",
      status: { code: "invoiced", label: "Получен счет", category: "active", color: "#f0ad4e" },
      comment: "Доставка до склада",
      totals: { amount: { amount: 404640 } },
    });
    expect(order.number).toMatch(/^\d{6}$/);
    expect(order.submittedAt).toBeTruthy();

    const rows = await admin<{ topic: string; payload: unknown; processed_at: Date | null }[]>`
      select topic, payload, processed_at from orders.outbox where tenant_id = 'ten_b' and payload->>'orderId' = ${draft.id}`;
    expect(rows).toEqual([
      {
        topic: "order.submitted",
        processed_at: null,
        payload: {
          orderId: draft.id,
          number: order.number,
          userId: "usr_1",
          companyId: "cmp_1",
          statusCode: "invoiced",
          statusLabel: "Получен счет",
          total: { amount: 404640, currency: "RUB" },
          lines: 1,
          counterpartyId: null,
          contractId: null,
        },
      },
    ]);
    expect(await queuedOutboxJobs()).toBe(jobsBefore + 1);

    // The trigger enqueued exactly this row's job (payload lives in the queue's private table).
    const [outboxRow] = await admin<{ id: string }[]>`
      select id from orders.outbox where tenant_id = 'ten_b' and payload->>'orderId' = ${draft.id}`;
    const jobs = await admin<{ payload: unknown }[]>`
      select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
      where t.identifier = 'outbox' and j.payload->>'id' = ${outboxRow?.id ?? ""}`;
    expect(jobs.map((j) => j.payload)).toEqual([{ schema: "orders", tenantId: "ten_b", id: outboxRow?.id }]);

    // Submitting twice, or changing a submitted order, is refused.
    expect(await submit(dealerB, draft.id)).toMatchObject({ code: "NOT_A_DRAFT" });
    expect(await addLine(dealerB, { orderId: draft.id, productId: "prd_b1", quantity: 1 })).toMatchObject({
      code: "ORDER_LOCKED",
      message: "Заказ в статусе «Получен счет» изменить нельзя: его можно скопировать в новый черновик.",
    });
  });

  it("numbers orders sequentially per tenant", async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const d = await createDraft(dealerA);
      await addLine(dealerA, { orderId: d.id, productId: "prd_a1", quantity: 1 });
      numbers.push((await submit(dealerA, d.id)).number ?? "");
    }
    expect(Number(numbers[1]) - Number(numbers[0])).toBe(1);
    const listed = await call<{ orders: { number: string; status: { label: string } }[] }>(
      dealerA,
      "{ orders { number status { label } } }",
    );
    expect(listed.data?.orders.map((o) => o.number)).toEqual([numbers[1], numbers[0]]);
    expect(listed.data?.orders[0]?.status.label).toBe("Новый");
  });

  it("requires the right to send orders", async () => {
    const viewer = { ...dealerA, permissions: [] };
    const d = await createDraft(viewer);
    await addLine(viewer, { orderId: d.id, productId: "prd_a1", quantity: 1 });
    const res = await call(viewer, `mutation($id: ID!) { submitOrder(orderId: $id) { ${RESULT} } }`, { id: d.id });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("orders subgraph: isolation", () => {
  it("another company's dealer can neither see nor change the order", async () => {
    const draft = await createDraft(dealerA, "Только cmp_1");
    await addLine(dealerA, { orderId: draft.id, productId: "prd_a1", quantity: 1 });
    const seen = await call<{ order: unknown; orders: { id: string }[]; _entities: unknown[] }>(
      otherCompany,
      `query($id: ID!) { order(id: $id) { id } orders(drafts: true) { id } _entities(representations: [{ __typename: "Order", id: $id }]) { ... on Order { id } } }`,
      { id: draft.id },
    );
    expect(seen.data?.order).toBeNull();
    expect(seen.data?.orders.map((o) => o.id)).not.toContain(draft.id);
    expect(seen.data?._entities).toEqual([null]);
    expect(await addLine(otherCompany, { orderId: draft.id, productId: "prd_a1", quantity: 1 })).toMatchObject({
      code: "ORDER_NOT_FOUND",
    });
    expect(await submit(otherCompany, draft.id)).toMatchObject({ code: "ORDER_NOT_FOUND" });
  });

  it("another tenant's token cannot see it, even with the same company and user ids", async () => {
    const draft = await createDraft(dealerA);
    const seen = await call<{ order: unknown; _entities: unknown[] }>(
      dealerB,
      `query($id: ID!) { order(id: $id) { id } _entities(representations: [{ __typename: "Order", id: $id }]) { ... on Order { id } } }`,
      { id: draft.id },
    );
    expect(seen.data).toEqual({ order: null, _entities: [null] });
    expect(await submit(dealerB, draft.id)).toMatchObject({ code: "ORDER_NOT_FOUND" });
  });

  it("resolves an Order reference with its status for finance's @requires", async () => {
    const draft = await createDraft(dealerA);
    const res = await call<{ _entities: unknown[] }>(
      dealerA,
      `query($id: ID!) { _entities(representations: [{ __typename: "Order", id: $id }]) { ... on Order { id statusCode } } }`,
      { id: draft.id },
    );
    expect(res.data?._entities).toEqual([{ id: draft.id, statusCode: "draft" }]);
  });

  it("refuses anonymous callers and users without a company", async () => {
    const anon = await call({ kind: "anonymous" } as never, "{ orders { id } }");
    expect(anon.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const noCompany = await call(dealerActor("ten_a", null), "{ orders { id } }");
    expect(noCompany.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("row-level security hides orders from the app role outside a tenant transaction", async () => {
    const sql = postgres(db.appUrl, { max: 1 });
    try {
      const [row] = await sql<{ count: number }[]>`select count(*)::int as count from orders.orders`;
      expect(row?.count).toBe(0);
    } finally {
      await sql.end();
    }
  });
});

async function queuedOutboxJobs(): Promise<number> {
  const [row] = await admin<{ count: number }[]>`
    select count(*)::int as count from graphile_worker.jobs where task_identifier = 'outbox'`;
  return row?.count ?? 0;
}

describe("idempotent submission", () => {
  it("20 concurrent identical submissions make one order, all answered with it", async () => {
    const draft = await createDraft(dealerA);
    await addLine(dealerA, { orderId: draft.id, productId: "prd_a1", quantity: 5 });
    const key = "7b4c1d7e-2f0a-4c8e-9d3b-5a6f7e8d9c0b";
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(dealerA, draft.id, "к пятнице", key)));
    expect(new Set(results.map((r) => `${r.id} ${r.number} ${r.code ?? ""}`))).toEqual(
      new Set([`${draft.id} ${results[0]?.number} `]),
    );
    const events = await admin<{ n: number }[]>`
      select count(*)::int as n from orders.outbox where topic = 'order.submitted' and payload->>'orderId' = ${draft.id}`;
    expect(events[0]?.n).toBe(1);
  });

  it("the same key with another body is refused, nothing submitted", async () => {
    const first = await createDraft(dealerA);
    await addLine(dealerA, { orderId: first.id, productId: "prd_a1", quantity: 1 });
    await submit(dealerA, first.id, null, "key-1");
    const second = await createDraft(dealerA);
    await addLine(dealerA, { orderId: second.id, productId: "prd_a1", quantity: 1 });
    expect(await submit(dealerA, second.id, null, "key-1")).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await submit(dealerA, first.id, "другой комментарий", "key-1")).toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    expect(await submit(dealerA, second.id, null, "ключ")).toMatchObject({ code: "INVALID_IDEMPOTENCY_KEY" });
    const res = await call<{ order: { isDraft: boolean } }>(dealerA, "query($id: ID!) { order(id: $id) { isDraft } }", {
      id: second.id,
    });
    expect(res.data?.order.isDraft).toBe(true);
    // Another company may use the same key.
    const other = await createDraft(otherCompany);
    await addLine(otherCompany, { orderId: other.id, productId: "prd_a1", quantity: 1 });
    expect((await submit(otherCompany, other.id, null, "key-1")).isDraft).toBe(false);
  });
});
