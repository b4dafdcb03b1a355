import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, type Smtp, startPortalHarness } from "./harness.ts";

/**
 * The supplier's manager in the portal (issue 8, manager workspace): the order queue with the
 * pool, taking an order, moving it along the tenant's workflow, changing a quantity while the
 * status allows it, a comment that reaches the dealer, and cancelling with a reason.
 */
let h: Harness;
let smtp: Smtp;

beforeAll(async () => {
  h = await startPortalHarness({ smtp: true });
  smtp = h.smtp as Smtp;
}, 240_000);

afterAll(async () => {
  await h?.close();
});

type Json = Record<string, unknown>;
async function gql<T = Json>(query: string, variables: Json = {}, token?: string): Promise<T> {
  const res = await fetch(h.stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

/** A dealer of the tenant submits an order of the first two products through the API. */
async function submitOrder(slug: string, email: string): Promise<{ id: string; number: string }> {
  const { login } = await gql<{ login: { accessToken: string } }>(
    `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }`,
    { input: { email, password: h.password(email), tenantSlug: slug } },
  );
  const token = login.accessToken;
  const { products } = await gql<{ products: { nodes: { id: string; minQuantity: number; packMultiple: number }[] } }>(
    "{ products(first: 2) { nodes { id minQuantity packMultiple } } }",
    {},
    token,
  );
  const { createDraft } = await gql<{ createDraft: { id: string } }>("mutation { createDraft { id } }", {}, token);
  for (const p of products.nodes) {
    await gql(
      `mutation($input: AddOrderLineInput!) { addOrderLine(input: $input) { __typename } }`,
      { input: { orderId: createDraft.id, productId: p.id, quantity: Math.max(p.minQuantity, p.packMultiple) * 2 } },
      token,
    );
  }
  const { submitOrder } = await gql<{ submitOrder: { id: string; number: string } }>(
    `mutation($id: ID!) { submitOrder(orderId: $id, checkout: { confirmed: true, deliveryAddress: "Курск, Ленина, 1" }) { ... on Order { id number } ... on OrderError { code message } } }`,
    { id: createDraft.id },
    token,
  );
  expect(submitOrder.number).toMatch(/^\d+$/);
  return submitOrder;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `staff-orders-${name}.png`), fullPage: true });
const text = (l: Locator) => expect.poll(() => l.first().textContent(), { timeout: 15_000 });

async function managerPage(slug: string): Promise<Page> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const email = `manager@${slug}.demo`;
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${slug}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(h.password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
  return page;
}

interface WorkflowDefinition {
  initial: string;
  managerPool: boolean;
  statuses: { code: string; label: string; editableBy: string[] }[];
  transitions: { from: string; to: string; by: string[]; label: string; guards: string[] }[];
}

describe("manager workspace (browser)", () => {
  it("takes an order from the pool, edits it, moves it along the workflow, comments and cancels", {
    timeout: 120_000,
  }, async () => {
    // A tenant whose workflow has a manager pool and a first manager move without guards.
    const tenants = h.stack.dataset.tenants as unknown as {
      definition: { slug: string; workflow: WorkflowDefinition };
    }[];
    const tenant = tenants.find((t) => {
      const wf = t.definition.workflow;
      return (
        wf.managerPool &&
        wf.transitions.some((x) => x.from === wf.initial && x.by.includes("manager") && x.guards.length === 0)
      );
    });
    if (!tenant) throw new Error("no demo tenant with a manager pool");
    const { slug, workflow } = tenant.definition;
    const move = workflow.transitions.find(
      (x) => x.from === workflow.initial && x.by.includes("manager") && x.guards.length === 0,
    );
    const next = workflow.statuses.find((s) => s.code === move?.to);
    const dealer = `dealer@${slug}.demo`;
    const order = await submitOrder(slug, dealer);

    const page = await managerPage(slug);
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Заказы дилеров" }).click();
    await page.getByRole("link", { name: /Пул/ }).click();
    const row = page.getByRole("row", { name: new RegExp(`№ ${order.number}`) });
    await row.waitFor();
    await shot(page, "01-pool");
    await row.getByRole("button", { name: `Взять № ${order.number}` }).click();
    await text(page.getByRole("status")).toContain(`Заказ № ${order.number} взят в работу`);
    await page.getByRole("link", { name: /Мои/ }).click();
    await page.getByRole("link", { name: `№ ${order.number}` }).click();
    await page.waitForURL(new RegExp(`/staff/orders/${order.id}`));
    await shot(page, "02-order");

    // The initial status lets the manager change lines when the workflow says so.
    const initial = workflow.statuses.find((s) => s.code === workflow.initial);
    if (initial?.editableBy.includes("manager")) {
      const qty = page.getByRole("spinbutton").first();
      const before = Number(await qty.inputValue());
      await qty.fill(String(before * 2));
      await page.getByRole("button", { name: "Изменить" }).first().click();
      await text(page.getByRole("status")).toContain("Количество изменено");
    }

    await page.getByRole("button", { name: move?.label ?? "" }).click();
    await text(page.getByRole("status")).toContain(`Статус изменен: ${next?.label}`);
    await text(page.locator("h1 .badge")).toBe(next?.label);

    await page.getByLabel("Новый комментарий для дилера").fill("Отгрузим в четверг, подтвердите адрес.");
    await page.getByRole("button", { name: "Отправить комментарий" }).click();
    await text(page.locator(".comment__body")).toBe("Отгрузим в четверг, подтвердите адрес.");
    await expect
      .poll(
        () =>
          smtp.messages
            .filter((m) => m.envelope.to.includes(dealer))
            .map((m) => m.text)
            .join("\n"),
        {
          timeout: 20_000,
        },
      )
      .toContain("Отгрузим в четверг");
    await shot(page, "03-commented");

    if (await page.getByLabel("Причина отмены").count()) {
      await page.getByRole("button", { name: "Отменить заказ" }).click();
      // The reason is required: the browser keeps the form until it is given.
      expect(
        await page.getByLabel("Причина отмены").evaluate((e) => (e as HTMLInputElement).validity.valueMissing),
      ).toBe(true);
      await page.getByLabel("Причина отмены").fill("Дилер попросил отменить");
      await page.getByRole("button", { name: "Отменить заказ" }).click();
      await text(page.getByRole("status")).toContain("Заказ отменен");
      await text(page.locator(".facts")).toContain("Дилер попросил отменить");
      await shot(page, "04-cancelled");
    }
    await page.context().close();
  });

  it("a dealer cannot open the manager's queue", async () => {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: "ru-RU" });
    const page = await context.newPage();
    const tenant = (h.stack.dataset.tenants[0] as { definition: { slug: string } }).definition.slug;
    const email = `dealer@${tenant}.demo`;
    await page.goto("/login");
    await page.locator(`input[name="tenant"][value="${tenant}"]`).check();
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Пароль").fill(h.password(email));
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(/\/catalog/);
    const res = await page.goto("/staff/orders");
    expect(res?.status()).toBe(403);
    await context.close();
  });
});
