import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The rights matrix through the real gateway: for each right a dealer admin can grant, an
 * operation that needs it succeeds for a caller holding it and is refused to one without it. The
 * callers are API keys of the same company (the gateway turns a key into the same claims as a
 * login, narrowed to the key's rights), so each row differs from the other in that right only.
 */
let stack: Stack;
let smtp: TestSmtpServer;
let admin: string;

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are read field by field
type Data = Record<string, any>;
const gql = (auth: Record<string, string>, query: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<Data>(stack.gatewayUrl, query, variables, auth);

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
  const r = await gql(
    {},
    `mutation { login(input: { email: "dealer@autoparts.demo", password: "Demo-2026", tenantSlug: "autoparts" }) { ... on Session { accessToken } } }`,
  );
  admin = `Bearer ${r.data?.login.accessToken}`;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

/** An API key of the admin's company with exactly these rights. */
async function keyWith(permissions: string[]) {
  const r = await gql(
    { authorization: admin },
    `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { ... on CreatedApiKey { key } ... on AccountError { message } } }`,
    { i: { name: `rights ${permissions.join(",") || "none"} ${Math.random()}`, permissions } },
  );
  const key = r.data?.createApiKey.key as string | undefined;
  if (!key) throw new Error(JSON.stringify(r));
  return { authorization: `ApiKey ${key}` };
}

let colleagueDraftId: Promise<string> | undefined;
/** A draft of a colleague in the admin's company (added by the admin; the password comes by mail). */
function colleagueDraft(): Promise<string> {
  colleagueDraftId ??= (async () => {
    const email = "colleague@autoparts-rights.test";
    await gql(
      { authorization: admin },
      `mutation($i: AddCompanyUserInput!) { addCompanyUser(input: $i) { __typename } }`,
      // Own orders only, so that its draft is its own even where the company keeps one cart.
      { i: { email, permissions: ["orders.own_only"], dealerAdmin: false } },
    );
    let generated = "";
    for (let i = 0; i < 100 && !generated; i++) {
      const m = smtp.messages.find((x) => x.envelope.to.includes(email));
      generated = (m && /Пароль: (\S+)/.exec(m.text)?.[1]) || "";
      if (!generated) await new Promise((r) => setTimeout(r, 100));
    }
    const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`;
    const first = await gql({}, LOGIN, { i: { email, password: generated, tenantSlug: "autoparts" } });
    await gql(
      { authorization: `Bearer ${first.data?.login.accessToken}` },
      `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename } }`,
      { i: { currentPassword: generated, password: "Colleague-2026", passwordRepeat: "Colleague-2026" } },
    );
    const next = await gql({}, LOGIN, { i: { email, password: "Colleague-2026", tenantSlug: "autoparts" } });
    const draft = await gql(
      { authorization: `Bearer ${next.data?.login.accessToken}` },
      `mutation { createDraft(name: "коллеги") { id } }`,
    );
    const id = draft.data?.createDraft.id as string | undefined;
    if (!id) throw new Error(JSON.stringify(draft));
    return id;
  })();
  return colleagueDraftId;
}

const isRefused = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.some((e) => e.extensions?.code === "FORBIDDEN") ?? false;

/** One operation per right: run as `auth`, true when it went through. */
const OPERATIONS: Record<string, (auth: Record<string, string>) => Promise<boolean>> = {
  "api_keys.manage": async (auth) => {
    const r = await gql(auth, "query { apiKeys { id } }");
    if (!r.errors) return true;
    if (isRefused(r)) return false;
    throw new Error(JSON.stringify(r.errors));
  },
  "orders.send": async (auth) => {
    const { data } = await gql(auth, "query { products(first: 1) { nodes { id } } }");
    const productId = data?.products.nodes[0].id;
    const draft = await gql(auth, `mutation { createDraft(name: "права") { id } }`);
    const orderId = draft.data?.createDraft.id;
    await gql(auth, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId, productId, quantity: 1 },
    });
    const r = await gql(
      auth,
      'mutation($o: ID!) { submitOrder(orderId: $o, checkout: { confirmed: true, deliveryAddress: "Курск, Ленина, 1" }) { __typename } }',
      { o: orderId },
    );
    if (r.data?.submitOrder?.__typename === "Order") return true;
    if (isRefused(r)) return false;
    throw new Error(JSON.stringify(r));
  },
  // A narrowing right: with it the caller's lists leave out a colleague's orders.
  "orders.own_only": async (auth) => {
    const theirs = await colleagueDraft();
    const mine = (await gql(auth, `mutation { createDraft(name: "свой") { id } }`)).data?.createDraft.id;
    const r = await gql(auth, "query { orders(drafts: true, first: 200) { id } }");
    const seen = ((r.data?.orders ?? []) as { id: string }[]).map((o) => o.id);
    if (!mine || !seen.includes(mine)) throw new Error(JSON.stringify(r));
    return !seen.includes(theirs);
  },
  "finance.view": async (auth) => {
    const r = await gql(auth, "query { finance { balance { amount } } }");
    if (!r.errors) return typeof r.data?.finance.balance.amount === "number";
    if (isRefused(r)) return false;
    throw new Error(JSON.stringify(r.errors));
  },
  "stock.view": async (auth) => {
    // «Предоставление отчетов об остатках и продажах»: a distributor reports its warehouses and stock.
    const r = await gql(
      auth,
      `mutation { saveDistributorWarehouses(rows: [{ code: "RM1", name: "Склад дилера", address: "г. Курск", contacts: "" }]) { applied } }`,
    );
    if (!r.errors) return r.data?.saveDistributorWarehouses.applied === true;
    // Past the right, a supplier without a distributor network says so (the right was accepted).
    if (r.errors.every((e) => e.extensions?.code === "NOT_AVAILABLE")) return true;
    if (isRefused(r)) return false;
    throw new Error(JSON.stringify(r.errors));
  },
  "nomenclature.file": async (auth) => {
    const r = await gql(auth, "query { nomenclatureFile { rows } }");
    if (!r.errors) return r.data?.nomenclatureFile.rows > 0;
    if (isRefused(r)) return false;
    throw new Error(JSON.stringify(r.errors));
  },
};

/**
 * Rights no subgraph checks yet, with the owner who is to enforce them. The test below fails when
 * a right is neither exercised above nor listed here, and when one listed here gets an operation.
 */
const NOT_ENFORCED_YET: Record<string, string> = {};

describe("rights matrix", () => {
  it("every grantable right has an operation here or a named owner that is still to enforce it", async () => {
    const { data } = await gql({}, "query { rights { code } }");
    const codes = ((data?.rights ?? []) as { code: string }[]).map((r) => r.code).sort();
    const covered = [...Object.keys(OPERATIONS), ...Object.keys(NOT_ENFORCED_YET)].sort();
    expect(covered).toEqual(codes);
    expect(Object.keys(OPERATIONS).filter((c) => c in NOT_ENFORCED_YET)).toEqual([]);
  });

  for (const [right, run] of Object.entries(OPERATIONS)) {
    it(`${right}: allowed with it, refused without it`, async () => {
      const everything = [
        "api_keys.manage",
        "orders.send",
        "finance.view",
        "stock.view",
        "nomenclature.file",
        "orders.own_only",
      ];
      expect(await run(await keyWith(everything))).toBe(true);
      expect(await run(await keyWith(everything.filter((p) => p !== right)))).toBe(false);
    }, 60_000);
  }

  it("a submitted order reaches the company's history through the outbox worker", async () => {
    const h = async () =>
      (
        await gql(
          { authorization: admin },
          `query { history(filter: { action: "order.submitted" }) { actor source objects { type label } } }`,
        )
      ).data?.history as { actor: string; source: string; objects: { type: string; label: string }[] }[];
    await expect.poll(async () => (await h()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [entry] = await h();
    expect(entry).toMatchObject({
      source: "orders",
      objects: [{ type: "Order", label: expect.stringMatching(/^Заказ № /) }],
    });
    // The key acts as its creator: the history names the dealer, not the key.
    expect(entry?.actor).toBe("dealer@autoparts.demo");
  }, 30_000);
});
