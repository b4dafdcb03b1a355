import { startTestSmtpServer, type TestSmtpServer } from "@dpp/mail/testing";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * The right «Доступ только к своим заказам» through the real gateway: a keaz dealer admin adds a
 * clerk with it (the generated password comes by mail from a real SMTP server); the clerk sees
 * and touches only the orders the clerk created — lists, tab counts, the order by id, the active
 * draft, copies, transitions and the order's documents — while the admin still sees them all.
 */
let smtp: TestSmtpServer;
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  stack = await startStack({ smtpUrl: smtp.url });
  c = gatewayClient(stack);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
});

async function passwordMailedTo(to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const m = smtp.messages.find((x) => x.envelope.to.includes(to));
    const password = m ? /Пароль: (\S+)/.exec(m.text)?.[1] : undefined;
    if (password) return password;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}`);
}

async function loginAs(email: string, password: string) {
  const r = await postGraphQL<{ login: { accessToken?: string; permissions?: string[] } }>(
    stack.gatewayUrl,
    `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken permissions } ... on AuthError { code } } }`,
    { i: { email, password, tenantSlug: "keaz" } },
  );
  if (!r.data?.login.accessToken) throw new Error(JSON.stringify(r));
  return r.data.login as { accessToken: string; permissions: string[] };
}

/** The admin adds a user with `permissions`; the user changes the mailed password and logs in. */
async function colleague(admin: string, email: string, permissions: string[]) {
  const added = await c.gql<{ addCompanyUser: { __typename: string } }>(
    admin,
    `mutation($i: AddCompanyUserInput!) { addCompanyUser(input: $i) { __typename ... on AccountError { message } } }`,
    { i: { email, permissions, dealerAdmin: false } },
  );
  expect(added.addCompanyUser.__typename).toBe("CompanyUser");
  const generated = await passwordMailedTo(email);
  const first = await loginAs(email, generated);
  await c.gql(first.accessToken, `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename } }`, {
    i: { currentPassword: generated, password: "Clerk-2026", passwordRepeat: "Clerk-2026" },
  });
  return loginAs(email, "Clerk-2026");
}

const ids = (list: { id: string }[]) => list.map((o) => o.id);

describe("orders.own_only", () => {
  it("the clerk sees and touches only the clerk's own orders; the admin sees the company's", async () => {
    const admin = await c.login("dealer@keaz.demo", "keaz");
    const adminOrder = await c.submitted(admin, "keaz");
    const adminDraft = (await c.gql<{ createDraft: { id: string } }>(admin, "mutation { createDraft { id } }"))
      .createDraft.id;

    const clerkSession = await colleague(admin, "clerk.own@keaz.test", ["orders.send", "orders.own_only"]);
    expect(clerkSession.permissions).toEqual(expect.arrayContaining(["orders.send", "orders.own_only"]));
    const clerk = clerkSession.accessToken;
    // No draft of the clerk's yet: the admin's is not offered as the clerk's active draft.
    expect((await c.gql<{ activeDraft: null }>(clerk, "{ activeDraft { id } }")).activeDraft).toBeNull();
    const clerkOrder = await c.submitted(clerk, "keaz");

    type Lists = {
      orders: { id: string }[];
      drafts: { id: string }[];
      orderList: { orders: { id: string }[] };
      orderTabCounts: { count: number }[];
    };
    const LISTS = `{ orders(first: 200) { id } drafts: orders(drafts: true, first: 200) { id }
      orderList(filter: { first: 500 }) { ... on OrderList { orders { id } } } orderTabCounts { count } }`;
    const seen = await c.gql<Lists>(clerk, LISTS);
    expect(ids(seen.orders)).toEqual([clerkOrder.id]);
    expect(ids(seen.drafts)).toEqual([]);
    expect(ids(seen.orderList.orders)).toEqual([clerkOrder.id]);
    expect(seen.orderTabCounts.reduce((n, t) => n + t.count, 0)).toBeLessThanOrEqual(1);

    const all = await c.gql<Lists>(admin, LISTS);
    expect(ids(all.orders)).toEqual(expect.arrayContaining([adminOrder.id, clerkOrder.id]));
    expect(ids(all.drafts)).toContain(adminDraft);
    expect(ids(all.orderList.orders)).toEqual(expect.arrayContaining([adminOrder.id, clerkOrder.id, adminDraft]));

    // The admin's order and draft do not exist for the clerk: by id, to copy, to move, to change.
    const byId = await c.gql<{ a: null; d: null; own: { id: string } }>(
      clerk,
      "query($a: ID!, $d: ID!, $o: ID!) { a: order(id: $a) { id } d: order(id: $d) { id } own: order(id: $o) { id } }",
      { a: adminOrder.id, d: adminDraft, o: clerkOrder.id },
    );
    expect(byId).toEqual({ a: null, d: null, own: { id: clerkOrder.id } });
    const copy = await c.gql<{ copyOrderToDraft: { code: string } }>(
      clerk,
      "mutation($o: ID!) { copyOrderToDraft(orderId: $o) { ... on OrderError { code } } }",
      { o: adminOrder.id },
    );
    expect(copy.copyOrderToDraft.code).toBe("ORDER_NOT_FOUND");
    const move = adminOrder.availableTransitions[0];
    if (move) expect((await c.fire(clerk, adminOrder.id, move.to.code)).code).toBe("ORDER_NOT_FOUND");
    const { product, quantity } = c.stockedProduct("keaz");
    const add = await c.gql<{ addOrderLine: { code: string } }>(
      clerk,
      "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { ... on OrderError { code } } }",
      { i: { orderId: adminDraft, article: product.article, quantity } },
    );
    expect(add.addOrderLine.code).toBe("ORDER_NOT_FOUND");
    // The admin still sees the clerk's order.
    expect((await c.view(admin, clerkOrder.id)).id).toBe(clerkOrder.id);
  });
});
