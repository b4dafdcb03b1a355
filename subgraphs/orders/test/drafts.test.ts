import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * Drafts through the gateway: several per dealer where the tenant allows (keaz), one cart per
 * company elsewhere (wasserkraft); the active draft; rename, delete; copying any order into a
 * draft («Повторить заказ»).
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const DRAFT = "id name isDraft lines { article quantity unit } totals { amount { amount } }";
type Draft = {
  id: string;
  name: string | null;
  isDraft: boolean;
  lines: { article: string; quantity: number; unit: string }[];
};

describe("drafts", () => {
  it("keaz: several drafts, the newest active, switch, rename, delete", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const create = async (name: string) =>
      (
        await c.gql<{ createDraft: Draft }>(dealer, `mutation($n: String) { createDraft(name: $n) { ${DRAFT} } }`, {
          n: name,
        })
      ).createDraft;
    const first = await create("Щит 1");
    const second = await create("Щит 2");
    expect(second.id).not.toBe(first.id);
    const active = async () =>
      (await c.gql<{ activeDraft: Draft | null }>(dealer, "{ activeDraft { id name } }")).activeDraft;
    expect((await active())?.id).toBe(second.id);

    const switched = await c.gql<{ setActiveDraft: Draft }>(
      dealer,
      `mutation($o: ID!) { setActiveDraft(orderId: $o) { ... on Order { id } } }`,
      { o: first.id },
    );
    expect(switched.setActiveDraft.id).toBe(first.id);
    expect((await active())?.id).toBe(first.id);

    const renamed = await c.gql<{ renameDraft: Draft }>(
      dealer,
      `mutation($o: ID!) { renameDraft(orderId: $o, name: "  Щит ВРУ-1  ") { ... on Order { name } } }`,
      { o: first.id },
    );
    expect(renamed.renameDraft.name).toBe("Щит ВРУ-1");

    const DELETE = `mutation($o: ID!) { deleteDraft(orderId: $o) { ... on DeletedDraft { id } ... on OrderError { code } } }`;
    expect((await c.gql<{ deleteDraft: { id: string } }>(dealer, DELETE, { o: first.id })).deleteDraft).toEqual({
      id: first.id,
    });
    expect((await active())?.id).toBe(second.id);
    const submitted = await c.submitted(dealer, "keaz");
    expect((await c.gql<{ deleteDraft: { code: string } }>(dealer, DELETE, { o: submitted.id })).deleteDraft).toEqual({
      code: "NOT_A_DRAFT",
    });
  });

  it("keaz: copies a locked order into a new draft at today's prices (duplicate to change it)", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const order = await c.submitted(dealer, "keaz");
    const copy = await c.gql<{ copyOrderToDraft: { draft: Draft; leftOut: string[] } }>(
      dealer,
      `mutation($o: ID!) { copyOrderToDraft(orderId: $o) { ... on DraftCopy { draft { ${DRAFT} } leftOut } } }`,
      { o: order.id },
    );
    const { product, quantity } = c.stockedProduct("keaz");
    expect(copy.copyOrderToDraft).toEqual({
      draft: expect.objectContaining({
        name: `Копия заказа № ${order.number}`,
        isDraft: true,
        lines: [{ article: product.article, quantity, unit: product.unit }],
      }),
      leftOut: [],
    });
    expect((await c.gql<{ activeDraft: { id: string } }>(dealer, "{ activeDraft { id } }")).activeDraft.id).toBe(
      copy.copyOrderToDraft.draft.id,
    );
  });

  it("wasserkraft: one cart per company; «Повторить заказ» adds to it", async () => {
    const dealer = await c.login("dealer@wasserkraft.demo", "wasserkraft");
    const order = await c.submitted(dealer, "wasserkraft");
    const a = await c.gql<{ createDraft: Draft }>(dealer, `mutation { createDraft { ${DRAFT} } }`);
    const b = await c.gql<{ createDraft: Draft }>(dealer, `mutation { createDraft { ${DRAFT} } }`);
    expect(b.createDraft.id).toBe(a.createDraft.id);
    const REPEAT = `mutation($o: ID!) { copyOrderToDraft(orderId: $o) { ... on DraftCopy { draft { ${DRAFT} } } } }`;
    const once = await c.gql<{ copyOrderToDraft: { draft: Draft } }>(dealer, REPEAT, { o: order.id });
    const twice = await c.gql<{ copyOrderToDraft: { draft: Draft } }>(dealer, REPEAT, { o: order.id });
    expect(once.copyOrderToDraft.draft.id).toBe(a.createDraft.id);
    const { product, quantity } = c.stockedProduct("wasserkraft");
    expect(twice.copyOrderToDraft.draft.lines).toEqual([
      { article: product.article, quantity: quantity * 2, unit: product.unit },
    ]);
  });
});

describe("order lists", () => {
  const LIST = `query($f: OrderListFilter) { orderList(filter: $f) {
    ... on OrderList { orders { id number customerNumber erpNumber tracked } } ... on OrderError { code message } } }`;
  type Listed = { id: string; number: string; customerNumber: string | null; erpNumber: string | null };
  type ListResult = { orderList: { orders?: Listed[]; code?: string } };

  it("keaz: tabs with counts, search by portal, ERP and customer number, a period, tracked orders", async () => {
    const dealer = await c.login("dealer@keaz.demo", "keaz");
    const manager = await c.login("manager@keaz.demo", "keaz");
    const counts = async () =>
      Object.fromEntries(
        (
          await c.gql<{ orderTabCounts: { tab: { label: string }; count: number }[] }>(
            dealer,
            "{ orderTabCounts { tab { label } count } }",
          )
        ).orderTabCounts.map((t) => [t.tab.label, t.count]),
      );
    const before = await counts();
    expect(Object.keys(before)).toEqual([
      "Черновики",
      "Получен счет",
      "В производстве",
      "Завершенные",
      "Отслеживаемые",
    ]);

    const { product, quantity } = c.stockedProduct("keaz");
    const draft = await c.gql<{ createDraft: { id: string } }>(dealer, "mutation { createDraft { id } }");
    await c.gql(dealer, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: draft.createDraft.id, article: product.article, quantity },
    });
    const sub = await c.gql<{ submitOrder: { id: string; number: string } }>(
      dealer,
      `mutation($id: ID!) { submitOrder(orderId: $id, customerNumber: "ЗК-2026/117", checkout: { confirmed: true }) { ... on Order { id number } } }`,
      { id: draft.createDraft.id },
    );
    const order = sub.submitOrder;
    await c.gql(
      manager,
      `mutation($o: ID!) { setOrderErpNumber(orderId: $o, erpNumber: "ТД000058016") { __typename } }`,
      {
        o: order.id,
      },
    );
    const denied = await c
      .gql(dealer, `mutation($o: ID!) { setOrderErpNumber(orderId: $o, erpNumber: "X") { __typename } }`, {
        o: order.id,
      })
      .catch((e: Error) => e.message);
    expect(denied).toMatch(/сотрудники поставщика/);
    await c.gql(dealer, `mutation($o: ID!) { trackOrder(orderId: $o, tracked: true) { __typename } }`, { o: order.id });

    const after = await counts();
    expect(after["Получен счет"]).toBe((before["Получен счет"] ?? 0) + 1);
    expect(after.Отслеживаемые).toBe((before.Отслеживаемые ?? 0) + 1);

    const find = async (f: Record<string, unknown>) => (await c.gql<ListResult>(dealer, LIST, { f })).orderList;
    for (const search of [order.number, "тд000058016", "ЗК-2026/117"]) {
      expect((await find({ search })).orders?.map((o) => o.id)).toEqual([order.id]);
    }
    expect((await find({ tab: "tracked" })).orders?.map((o) => o.id)).toContain(order.id);
    expect((await find({ tab: "production" })).orders?.map((o) => o.id)).not.toContain(order.id);
    expect((await find({ search: order.number, from: "2026-01-01", to: "2026-01-31" })).orders).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await find({ search: order.number, from: today, to: today })).orders?.length).toBe(1);
    expect(await find({ tab: "nope" })).toEqual({ code: "UNKNOWN_TAB", message: "Нет вкладки «nope»." });
    expect((await find({ from: "31.12.2026" })).code).toBe("INVALID_DATE");
  });
});
