import { readFileSync } from "node:fs";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantFile, planTenantLoad } from "../src/tenant-file.ts";

/**
 * Issue 8: a sixth supplier is onboarded from one definition file, with no code change, and
 * takes an order through its own workflow on the running platform.
 */
const FILE = new URL("../../../docs/examples/tenant-teplodom.json", import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the test spoils a parsed JSON file in place
type Json = Record<string, any>;
const example = (): Json => JSON.parse(readFileSync(FILE, "utf8"));

const DEALER_PASSWORD = "Teplo-2026a";
const MANAGER_PASSWORD = "Teplo-2026m";

/** The example with known passwords for the dealer and the manager (the admin's is generated). */
function withPasswords(): Json {
  const f = example();
  f.dealers[0].users[0].password = DEALER_PASSWORD;
  f.staff[1].password = MANAGER_PASSWORD;
  return f;
}

describe("a tenant file, checked before anything is written", () => {
  it("plans deterministic ids, stock per warehouse and a generated password for people without one", () => {
    const plan = planTenantLoad(example(), new Map());
    const [t] = plan.dataset.tenants;
    expect(t?.id).toBe(`ten_${plan.definition.slug}`);
    expect(t?.products.map((p) => p.article)).toEqual(example().products.map((p: Json) => p.article));
    expect(t?.stock).toHaveLength(3);
    expect(plan.generated.map((g) => g.email)).toEqual([
      "admin@teplodom.example",
      "manager@teplodom.example",
      "dealer@teplomontazh.example",
    ]);
    for (const g of plan.generated) expect(g.password).toMatch(/^(?=.*\d)(?=.*[a-z])(?=.*[A-Z]).{12}$/);
    expect(plan.dataset.users.every((u) => u.mustChangePassword)).toBe(true);
    // Someone who already has a login keeps it and only gains a membership.
    const again = planTenantLoad(example(), new Map([["dealer@teplomontazh.example", "usr_existing"]]));
    expect(again.dataset.users.map((u) => u.email)).not.toContain("dealer@teplomontazh.example");
    expect(again.dataset.memberships.some((m) => m.userId === "usr_existing")).toBe(true);
  });

  it.each([
    ["a dead-end status", (f: Json) => f.definition.workflow.transitions.splice(2, 1), "status shipped is a dead end"],
    [
      "an unknown guard",
      (f: Json) => f.definition.workflow.transitions[0].guards.push("moon_is_full"),
      "workflow.transitions.0.guards.0: must be a known guard",
    ],
    ["a wrong INN", (f: Json) => (f.dealers[0].counterparties[0].inn = "5029012344"), "not a valid INN"],
    ["stock in an unknown warehouse", (f: Json) => (f.products[0].stock = { SPB: 1 }), 'unknown warehouse "SPB"'],
    ["a duplicate article", (f: Json) => (f.products[1].article = f.products[0].article), "duplicate article"],
    [
      "a password the tenant's policy refuses",
      (f: Json) => (f.dealers[0].users[0].password = "onlyletters"),
      "dealer@teplomontazh.example: Пароль должен содержать цифры",
    ],
  ])("refuses %s, naming it", (_name, spoil, message) => {
    const f = example();
    spoil(f);
    expect(() => planTenantLoad(f, new Map())).toThrow(message);
  });
});

describe("onboarding on the running platform", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on Session { accessToken } ... on AuthError { code message } } }`;
  async function login(email: string, password: string) {
    const r = await postGraphQL<{ login: { __typename: string; accessToken: string } }>(stack.gatewayUrl, LOGIN, {
      input: { email, password, tenantSlug: "teplodom" },
    });
    expect(r.data?.login.__typename).toBe("Session");
    return r.data?.login.accessToken as string;
  }
  const gql = <T = Json>(token: string, query: string, variables: Json = {}) =>
    postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });

  it("an invalid file writes nothing", async () => {
    const f = withPasswords();
    f.definition.workflow.initial = "nowhere";
    await expect(loadTenantFile(stack.db.appUrl, f)).rejects.toThrow('initial status "nowhere" is not a status');
    const sql = postgres(stack.db.appUrl, { max: 1, onnotice: () => {} });
    const rows = await sql`select 1 from identity.tenants where slug = 'teplodom'`;
    const users = await sql`select 1 from identity.users where email like '%teplo%'`;
    await sql.end();
    expect(rows).toHaveLength(0);
    expect(users).toHaveLength(0);
  });

  it("loads once; its dealer orders from its catalogue and its manager takes the order through the file's workflow", {
    timeout: 60_000,
  }, async () => {
    const loaded = await loadTenantFile(stack.db.appUrl, withPasswords());
    expect(loaded.created).toBe(true);
    expect(loaded.generated.map((g) => g.email)).toEqual(["admin@teplodom.example"]);
    expect((await loadTenantFile(stack.db.appUrl, withPasswords())).created).toBe(false);

    const dealer = await login("dealer@teplomontazh.example", DEALER_PASSWORD);
    const list = await gql<{ products: { nodes: { article: string; price: { yours: { amount: number } } }[] } }>(
      dealer,
      "{ products(first: 10) { nodes { article price { yours { amount } } } } }",
    );
    expect(list.data?.products.nodes.map((n) => n.article).sort()).toEqual(["TD-K24", "TD-P25-60", "TD-R500-10"]);
    expect(list.data?.products.nodes.find((n) => n.article === "TD-K24")?.price.yours.amount).toBe(6_489_000);

    const draft = await gql<{ createDraft: { id: string } }>(dealer, "mutation { createDraft { id } }");
    const orderId = draft.data?.createDraft.id as string;
    const added = await gql(
      dealer,
      `mutation($input: AddOrderLineInput!) { addOrderLine(input: $input) { __typename ... on Order { lines { article quantity } } ... on OrderError { code message } } }`,
      { input: { orderId, article: "TD-R500-10", quantity: 3 } },
    );
    // The file turns pack rounding on: 3 radiators in pairs become 4.
    expect(added.data?.addOrderLine).toEqual({ __typename: "Order", lines: [{ article: "TD-R500-10", quantity: 4 }] });
    const submitted = await gql(
      dealer,
      `mutation($id: ID!) { submitOrder(orderId: $id) { __typename ... on Order { status { code label } } ... on OrderError { code message } } }`,
      { id: orderId },
    );
    expect(submitted.data?.submitOrder).toEqual({ __typename: "Order", status: { code: "new", label: "Новый" } });

    const brand = await gql<{ viewer: { tenant: { name: string; branding: { primary: string } } } }>(
      dealer,
      "{ viewer { tenant { name branding { primary } } } }",
    );
    expect(brand.data?.viewer.tenant).toEqual({ name: "ТеплоДом", branding: { primary: "#8a2b0e" } });
    // The file's manager takes it from the pool and moves it along the file's own transitions.
    const manager = await login("manager@teplodom.example", MANAGER_PASSWORD);
    const RESULT = "__typename ... on Order { status { code label } } ... on OrderError { code message }";
    const take = await gql(manager, `mutation($id: ID!) { takeOrder(orderId: $id) { ${RESULT} } }`, { id: orderId });
    expect(take.data?.takeOrder).toMatchObject({ __typename: "Order" });
    const fire = (to: string) =>
      gql(manager, `mutation($id: ID!, $to: String!) { fireOrderTransition(orderId: $id, to: $to) { ${RESULT} } }`, {
        id: orderId,
        to,
      });
    // Not a move of this workflow from "new": refused, nothing changed.
    expect((await fire("shipped")).data?.fireOrderTransition).toMatchObject({ code: "FORBIDDEN_TRANSITION" });
    for (const [to, label] of [
      ["confirmed", "Подтвержден"],
      ["shipped", "Отгружен"],
      ["completed", "Выполнен"],
    ]) {
      expect((await fire(to as string)).data?.fireOrderTransition).toEqual({
        __typename: "Order",
        status: { code: to, label },
      });
    }
    const seen = await gql<{ order: { status: { label: string } } }>(
      dealer,
      "query($id: ID!) { order(id: $id) { status { label } } }",
      { id: orderId },
    );
    expect(seen.data?.order.status.label).toBe("Выполнен");
  });
});
