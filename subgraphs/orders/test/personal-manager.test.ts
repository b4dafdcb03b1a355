import { demoTenant } from "@dpp/seed";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * Orders of a manager's own dealers, through the gateway with two managers of one tenant: an order
 * goes at submission to the dealer's personal manager (identity's membership; the company's for a
 * user without one), so it is in that manager's MINE at once and in nobody's pool; a dealer without
 * a personal manager lands in the pool, where either manager may take it.
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;
let admin: postgres.Sql;
const SECOND = "manager2@spectr.test";
const BUYER = "buyer@spectr.test";

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
  admin = postgres(stack.db.adminUrl, { max: 2, onnotice: () => {} });
  const tenantId = demoTenant(stack.dataset, "spectr").id;
  const dealer = stack.dataset.users.find((u) => u.email === "dealer@spectr.demo");
  const membership = stack.dataset.memberships.find((m) => m.userId === dealer?.id && m.tenantId === tenantId);
  // A second manager and a second dealer user of the same company, signing in with the demo password.
  await admin`insert into identity.users (id, email, password_hash, full_name, phone)
    select 'usr_spectr_manager2', ${SECOND}, password_hash, 'Второй Менеджер', null from identity.users where email = 'manager@spectr.demo'`;
  await admin`insert into identity.users (id, email, password_hash, full_name)
    select 'usr_spectr_buyer', ${BUYER}, password_hash, 'Закупщик Дилера' from identity.users where email = 'dealer@spectr.demo'`;
  await admin`insert into identity.memberships (tenant_id, id, user_id, company_id, role, permissions, status) values
    (${tenantId}, 'mem_spectr_manager2', 'usr_spectr_manager2', null, 'manager', '{}', 'active'),
    (${tenantId}, 'mem_spectr_buyer', 'usr_spectr_buyer', ${membership?.companyId ?? ""}, 'dealer', '{orders.send}', 'active')`;
});
afterAll(async () => {
  await admin?.end();
  await stack?.stop();
});

const ids = (r: { managerOrders: { id: string }[] }) => r.managerOrders.map((o) => o.id);

/** Signs in a user this file added (their password hash is the demo users'). */
async function loginAdded(email: string): Promise<string> {
  const password = stack.dataset.users.find((u) => u.email === "manager@spectr.demo")?.password;
  const res = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    "mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }",
    { i: { email, password, tenantSlug: "spectr" } },
  );
  const token = res.data?.login.accessToken;
  if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
  return token;
}

describe("a manager's own dealers and the pool", () => {
  it("routes each order to the dealer's personal manager at submission; the unassigned go to the pool", async () => {
    const tenantId = demoTenant(stack.dataset, "spectr").id;
    const first = await c.login("manager@spectr.demo", "spectr");
    const second = await loginAdded(SECOND);
    const dealer = await c.login("dealer@spectr.demo", "spectr");
    const view = async (token: string, v: "MINE" | "POOL") =>
      ids(await c.gql<{ managerOrders: { id: string }[] }>(token, `{ managerOrders(view: ${v}) { id } }`));
    const [dealerMembership] = await admin<{ id: string }[]>`
      select m.id from identity.memberships m join identity.users u on u.id = m.user_id
      where u.email = 'dealer@spectr.demo' and m.tenant_id = ${tenantId}`;

    // No personal manager yet: the pool, where the second manager takes it.
    const pooled = await c.submitted(dealer, "spectr");
    expect(await view(first, "POOL")).toContain(pooled.id);
    expect(await view(second, "POOL")).toContain(pooled.id);
    expect(await view(first, "MINE")).not.toContain(pooled.id);

    // The first manager becomes the dealer's personal manager (identity's staff mutation).
    const assigned = await c.gql<{ assignManager: { manager: { email: string } | null } }>(
      first,
      "mutation($m: ID!, $u: ID!) { assignManager(membershipId: $m, managerUserId: $u) { ... on CompanyUser { manager { email } } } }",
      { m: dealerMembership?.id, u: "usr_spectr_manager" },
    );
    expect(assigned.assignManager.manager?.email).toBe("manager@spectr.demo");
    const me = await c.gql<{ viewer: { personalManager: { fullName: string } | null } }>(
      dealer,
      "{ viewer { personalManager { fullName } } }",
    );
    expect(me.viewer.personalManager?.fullName).toBe(
      stack.dataset.users.find((u) => u.email === "manager@spectr.demo")?.fullName,
    );

    const own = await c.submitted(dealer, "spectr");
    expect(await view(first, "MINE")).toContain(own.id);
    expect(await view(first, "POOL")).not.toContain(own.id);
    expect(await view(second, "POOL")).not.toContain(own.id);
    expect(await view(second, "MINE")).not.toContain(own.id);
    const taken = await c.gql<{ takeOrder: { code?: string } }>(
      second,
      "mutation($o: ID!) { takeOrder(orderId: $o) { ... on OrderError { code } } }",
      { o: own.id },
    );
    expect(taken.takeOrder.code).toBe("ORDER_TAKEN");

    // The dealer card: the dealer's own manager opens it; another manager is refused (issue 8).
    const CARD = `query($c: ID!) { dealerCard(companyId: $c) { __typename
      ... on DealerCard { personalManager { email } users { email } } ... on AccountError { code message } } }`;
    const companyId = stack.dataset.memberships.find((m) => m.id === dealerMembership?.id)?.companyId;
    const ownCard = await c.gql<{ dealerCard: { personalManager: { email: string } } }>(first, CARD, { c: companyId });
    expect(ownCard.dealerCard.personalManager.email).toBe("manager@spectr.demo");
    const refused = await c.gql<{ dealerCard: { code: string; message: string } }>(second, CARD, { c: companyId });
    expect(refused.dealerCard).toMatchObject({ __typename: "AccountError", code: "FORBIDDEN" });
    const denied = await c.gql(dealer, CARD, { c: companyId }).catch((e: Error) => e.message);
    expect(denied).toMatch(/Только для сотрудников поставщика/);

    // A user of the same company without a manager of their own: the company's personal manager.
    const buyer = await loginAdded(BUYER);
    const buyers = await c.submitted(buyer, "spectr");
    expect(await view(first, "MINE")).toContain(buyers.id);
    expect(await view(second, "POOL")).not.toContain(buyers.id);

    // The pool order taken by the second manager is theirs, not the first's.
    await c.gql(second, "mutation($o: ID!) { takeOrder(orderId: $o) { __typename } }", { o: pooled.id });
    expect(await view(second, "MINE")).toEqual([pooled.id]);
    expect(await view(first, "MINE")).not.toContain(pooled.id);

    // Acting on an order another manager leads is refused, nothing changes; an administrator may.
    const CANCEL = `mutation($o: ID!) { cancelOrder(orderId: $o, reason: "Не мой заказ") {
      __typename ... on Order { status { code } } ... on OrderError { code message } } }`;
    const COMMENT = `mutation($o: ID!) { addOrderComment(orderId: $o, body: "Проверьте адрес") {
      __typename ... on OrderError { code } } }`;
    const before = await c.gql<{ order: { status: { code: string } } }>(
      first,
      "query($o: ID!) { order(id: $o) { status { code } } }",
      {
        o: own.id,
      },
    );
    const cancelled = await c.gql<{ cancelOrder: { code?: string; message?: string } }>(second, CANCEL, { o: own.id });
    expect(cancelled.cancelOrder).toMatchObject({
      code: "NOT_YOUR_ORDER",
      message: expect.stringMatching(/другой менеджер/),
    });
    const commented = await c.gql<{ addOrderComment: { code?: string } }>(second, COMMENT, { o: own.id });
    expect(commented.addOrderComment.code).toBe("NOT_YOUR_ORDER");
    const after = await c.gql<{ order: { status: { code: string }; comments: unknown[] } }>(
      first,
      "query($o: ID!) { order(id: $o) { status { code } comments { id } } }",
      { o: own.id },
    );
    expect(after.order.status.code).toBe(before.order.status.code);
    expect(after.order.comments).toEqual([]);
    const ownComment = await c.gql<{ addOrderComment: { __typename: string } }>(first, COMMENT, { o: own.id });
    expect(ownComment.addOrderComment.__typename).not.toBe("OrderError");
    const tenantAdmin = await c.login("admin@spectr.demo", "spectr");
    const byAdmin = await c.gql<{ addOrderComment: { __typename: string } }>(tenantAdmin, COMMENT, { o: pooled.id });
    expect(byAdmin.addOrderComment.__typename).not.toBe("OrderError");
  });
});
