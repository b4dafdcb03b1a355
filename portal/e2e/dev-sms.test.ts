import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * `npm start`'s SMS in the browser: a tenant whose workflow texts the dealer on submission, the
 * worker sends the SMS over SMPP to the dev stack's local sink, and /dev/mail lists it.
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness({ devSms: true });
}, 240_000);

afterAll(async () => {
  await h?.close();
});

type Json = Record<string, unknown>;
async function gql<T>(query: string, variables: Json = {}, token?: string): Promise<T> {
  const res = await fetch(h.stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

interface Tenant {
  definition: {
    slug: string;
    workflow: { transitions: { on?: string; effects: string[] }[] };
    checkout?: Record<string, { mode?: string; default?: string }>;
  };
}

describe("dev SMS (browser)", () => {
  it("lists the SMS the worker sent to the local SMPP sink", { timeout: 120_000 }, async () => {
    const tenants = h.stack.dataset.tenants as unknown as Tenant[];
    const tenant = tenants.find((t) =>
      t.definition.workflow.transitions.some((x) => x.on === "submitted" && x.effects.includes("sms_dealer")),
    );
    if (!tenant) throw new Error("no demo tenant texts the dealer on submission");
    const slug = tenant.definition.slug;
    const email = `dealer@${slug}.demo`;
    const { login } = await gql<{ login: { accessToken: string } }>(
      "mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }",
      { i: { email, password: h.password(email), tenantSlug: slug } },
    );
    const token = login.accessToken;
    const { products } = await gql<{
      products: { nodes: { id: string; minQuantity: number; packMultiple: number }[] };
    }>("{ products(first: 1) { nodes { id minQuantity packMultiple } } }", {}, token);
    const p = products.nodes[0];
    if (!p) throw new Error("no product");
    const { createDraft } = await gql<{ createDraft: { id: string } }>("mutation { createDraft { id } }", {}, token);
    await gql(
      "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }",
      { i: { orderId: createDraft.id, productId: p.id, quantity: Math.max(p.minQuantity, p.packMultiple) } },
      token,
    );
    // The tenant's required choices at checkout, with their defaults.
    const checkout = Object.fromEntries(
      ["deliveryMethod", "paymentOption"].flatMap((k) => {
        const f = tenant.definition.checkout?.[k];
        return f?.mode === "required" && f.default ? [[k, f.default]] : [];
      }),
    );
    const { submitOrder } = await gql<{ submitOrder: { number?: string; message?: string } }>(
      "mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) { ... on Order { number } ... on OrderError { message } } }",
      { id: createDraft.id, c: checkout },
      token,
    );
    expect(submitOrder.number, submitOrder.message).toMatch(/^\d+$/);

    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: "ru-RU",
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    const sms = page.getByRole("table", { name: "SMS" });
    await expect
      .poll(
        async () => {
          await page.goto("/dev/mail");
          return (await sms.count()) > 0 ? sms.textContent() : "";
        },
        { timeout: 20_000 },
      )
      .toContain(`Заказ № ${submitOrder.number}:`);
    await page.getByRole("heading", { name: "SMS" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "dev-mail-sms.png"), fullPage: true });
    await context.close();
  });
});
