import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";

/**
 * Reservations through the real platform: a dealer of the tenant whose workflow reserves stock on
 * submission (found by its workflow data) submits an order; inventory holds the stock until the
 * tenant's hold time; when the queue's job for that time runs (brought forward here instead of
 * waiting 72 hours) the stock goes back and orders moves the order as its workflow says.
 */
let stack: Stack;
let admin: postgres.Sql;

beforeAll(async () => {
  stack = await startStack();
  admin = postgres(stack.db.adminUrl, { max: 1, onnotice: () => {} });
}, 240_000);
afterAll(async () => {
  await admin?.end();
  await stack?.stop();
});

type Transition = { from: string; to: string; on?: string; effects?: string[] };
interface WorkflowTenant {
  id: string;
  definition: { slug: string; features: { reserveHoldHours?: number | null }; workflow: { transitions: Transition[] } };
  products: { id: string; article: string; minQuantity: number; packMultiple: number }[];
  stock: { productId: string; quantity: number }[];
}

async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data as T;
}

it("a submitted order holds the stock; at the hold time the stock goes back and the order moves", async () => {
  const tenants = stack.dataset.tenants as unknown as WorkflowTenant[];
  const t = tenants.find((x) =>
    x.definition.workflow.transitions.some((tr) => tr.on === "submitted" && tr.effects?.includes("reserve_stock")),
  );
  if (!t) throw new Error("no demo tenant reserves stock on submission");
  const reserveTo = t.definition.workflow.transitions.find((tr) => tr.on === "submitted")?.to;
  const expiredTo = t.definition.workflow.transitions.find(
    (tr) => tr.on === "reservation_expired" && tr.from === reserveTo,
  )?.to;
  const product = t.products.find((p) => t.stock.some((s) => s.productId === p.id && s.quantity >= 100));
  if (!product || !expiredTo) throw new Error("demo data lacks a stocked product or an expiry transition");
  const quantity = Math.max(product.minQuantity, product.packMultiple);

  const email = `dealer@${t.definition.slug}.demo`;
  const user = stack.dataset.users.find((u) => u.email === email);
  const login = await postGraphQL<{ login: { accessToken?: string } }>(
    stack.gatewayUrl,
    `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }`,
    { input: { email, password: user?.password, tenantSlug: t.definition.slug } },
  );
  const token = login.data?.login.accessToken ?? "";
  const available = async () =>
    (
      await gql<{ product: { availableQuantity: number } }>(
        token,
        `query($id: ID!) { product(id: $id) { availableQuantity } }`,
        { id: product.id },
      )
    ).product.availableQuantity;
  const before = await available();

  const draft = await gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }");
  await gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
    i: { orderId: draft.createDraft.id, article: product.article, quantity },
  });
  const sent = await gql<{ submitOrder: { id: string; statusCode: string } }>(
    token,
    `mutation($id: ID!) { submitOrder(orderId: $id) { ... on Order { id statusCode } ... on OrderError { code message } } }`,
    { id: draft.createDraft.id },
  );
  expect(sent.submitOrder.statusCode).toBe(reserveTo);
  expect(await available()).toBe(before - quantity);
  const [held] = await admin<{ status: string; expires_at: Date }[]>`
    select status, expires_at from inventory.reservations where tenant_id = ${t.id} and order_id = ${sent.submitOrder.id}`;
  expect(held?.status).toBe("active");
  const hours = ((held?.expires_at.getTime() ?? 0) - Date.now()) / 3_600_000;
  expect(Math.round(hours)).toBe(t.definition.features.reserveHoldHours);

  // The hold time arrives.
  await admin`update inventory.reservations set expires_at = now() where tenant_id = ${t.id} and order_id = ${sent.submitOrder.id}`;
  await admin`update graphile_worker._private_jobs set run_at = now()
    where payload->>'schema' = 'inventory' and payload->>'tenantId' = ${t.id} and run_at > now()`;
  let status = reserveTo;
  for (let i = 0; i < 200 && status !== expiredTo; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = (
      await gql<{ order: { statusCode: string } }>(token, `query($id: ID!) { order(id: $id) { statusCode } }`, {
        id: sent.submitOrder.id,
      })
    ).order.statusCode;
  }
  expect(status).toBe(expiredTo);
  expect(await available()).toBe(before);
});
