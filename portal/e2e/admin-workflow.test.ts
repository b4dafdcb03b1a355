import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * The tenant admin's workflow editor in Chromium (issue 8): the current workflow drawn as a
 * diagram, a status label edited and checked, an unreachable status refused with the problem
 * marked on the diagram, the change saved as a new version, the version history, and an order
 * submitted under version 1 moved to newer versions after a preview (with a status mapping when
 * the new version lacks its status).
 */
let h: Harness;
const IDENTITY: string = "@dpp/identity";
const DB: string = "@dpp/db";
const PASSWORD = "Admin-2026-workflow";

beforeAll(async () => {
  h = await startPortalHarness();
}, 240_000);

afterAll(async () => {
  await h?.close();
});

/** A tenant administrator (the demo data set has none), added through identity's own seeding. */
async function addTenantAdmin(tenantId: string, slug: string): Promise<string> {
  const { seedIdentity } = (await import(IDENTITY)) as { seedIdentity: (db: unknown, data: unknown) => Promise<void> };
  const { createDb } = (await import(DB)) as {
    createDb: (url: string, schema: object, o: { max: number }) => { db: unknown; sql: { end(): Promise<void> } };
  };
  const { db, sql } = createDb(h.stack.db.appUrl, {}, { max: 1 });
  const email = `wf-admin@${slug}.test`;
  await seedIdentity(db, {
    tenants: [],
    companies: [],
    users: [{ id: `usr_${slug}_wfadmin`, email, password: PASSWORD, fullName: "Ирина Администратор", phone: null }],
    memberships: [
      {
        id: `mem_${slug}_wfadmin`,
        tenantId,
        userId: `usr_${slug}_wfadmin`,
        companyId: null,
        role: "tenant_admin",
        permissions: [],
      },
    ],
  });
  await sql.end();
  return email;
}

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

/** The tenant's demo dealer submits an order of one product through the API. */
async function submitOrder(slug: string): Promise<string> {
  const email = `dealer@${slug}.demo`;
  const { login } = await gql<{ login: { accessToken: string } }>(
    "mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }",
    { input: { email, password: h.password(email), tenantSlug: slug } },
  );
  const token = login.accessToken;
  const { products } = await gql<{ products: { nodes: { id: string; minQuantity: number; packMultiple: number }[] } }>(
    "{ products(first: 1) { nodes { id minQuantity packMultiple } } }",
    {},
    token,
  );
  const { createDraft } = await gql<{ createDraft: { id: string } }>("mutation { createDraft { id } }", {}, token);
  for (const p of products.nodes)
    await gql(
      "mutation($input: AddOrderLineInput!) { addOrderLine(input: $input) { __typename } }",
      { input: { orderId: createDraft.id, productId: p.id, quantity: Math.max(p.minQuantity, p.packMultiple) } },
      token,
    );
  const { submitOrder } = await gql<{ submitOrder: { number?: string; message?: string } }>(
    "mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) { ... on Order { number } ... on OrderError { code message } } }",
    // Meets the required checkout fields of any demo tenant; fields a form does not show are ignored.
    { id: createDraft.id, c: { confirmed: true, deliveryAddress: "305000, Курск, ул. Ленина, 1" } },
    token,
  );
  if (!submitOrder.number) throw new Error(`submit: ${JSON.stringify(submitOrder)}`);
  return submitOrder.number;
}

/** Waits for what the page shows (pages render on the server: a save redirects and lays out the diagram). */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

type Def = {
  initial: string;
  statuses: { code: string }[];
  transitions: { from: string; to: string }[];
};
const DEFINITION = `statuses { code label labelEn category color editableBy tab } initial
  tabs { code label labelEn kind } transitions { from to by label labelEn guards effects on }
  managerPool managerEditEffects`;

async function adminToken(email: string, slug: string): Promise<string> {
  const { login } = await gql<{ login: { accessToken: string } }>(
    "mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } } }",
    { input: { email, password: PASSWORD, tenantSlug: slug } },
  );
  return login.accessToken;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `admin-workflow-${name}.png`), fullPage: true });

describe("workflow editor (browser)", () => {
  it("edits a label, sees the diagram, is refused an unreachable status, saves versions, moves an order", {
    timeout: 180_000,
  }, async () => {
    const tenant = h.tenant<{
      id: string;
      definition: { slug: string; workflow: { initial: string; statuses: { code: string; label: string }[] } };
    }>("keaz");
    const { slug, workflow } = tenant.definition;
    const email = await addTenantAdmin(tenant.id, slug);
    const number = await submitOrder(slug); // follows version 1 until moved
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: "ru-RU",
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto("/login");
    await page.locator(`input[name="tenant"][value="${slug}"]`).check();
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Пароль").fill(PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));

    await page.goto("/admin/workflow");
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Схема заказов");
    await poll(() => page.getByText(/Действует версия 1 от/).count()).toBe(1);
    const diagram = page.getByRole("img", { name: /Схема заказов: статусов/ });
    for (const s of workflow.statuses) {
      expect(await diagram.locator(`[data-status="${s.code}"] text`).first().textContent()).toBe(s.label);
    }
    await shot(page, "1-current");
    await diagram.screenshot({ path: path.join(SHOTS, "admin-workflow-1-diagram.png") });

    // Rename the initial status and check: no problems, the diagram shows the new label.
    const index = workflow.statuses.findIndex((s) => s.code === workflow.initial);
    const row = page.getByRole("group", { name: `Статус ${index + 1}: ${workflow.statuses[index]?.label}` });
    await row.getByLabel("Название", { exact: true }).fill("Заявка принята");
    await row.getByLabel("Название", { exact: true }).press("Enter"); // Enter checks: the form's first button

    await poll(() => page.getByRole("status").filter({ hasText: "Ошибок нет" }).count()).toBe(1);
    expect(await diagram.locator(`[data-status="${workflow.initial}"] text`).first().textContent()).toBe(
      "Заявка принята",
    );
    await shot(page, "2-checked");

    // An added cancelled status nothing leads to: refused, marked on the diagram and on its row.
    await page.getByRole("button", { name: "Добавить статус" }).click();
    const added = page.getByRole("group", { name: `Статус ${workflow.statuses.length + 1}: новый` });
    await added.getByLabel("Код").fill("limbo");
    await added.getByLabel("Название", { exact: true }).fill("Лимб");
    await added.getByLabel("Название (англ.)").fill("Limbo");
    await added.getByLabel("Категория").selectOption("cancelled");
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Ошибки схемы" });
    await poll(() => alert.textContent()).toContain("Статус «Лимб» (limbo) недостижим");
    const limbo = diagram.locator('[data-status="limbo"]');
    expect(await limbo.getAttribute("class")).toContain("wf-node--problem");
    expect(await limbo.textContent()).toContain("⚠ недостижим");
    expect(await page.getByText(/Схема не сохранена: ошибок — 1/).count()).toBe(1);
    await shot(page, "3-problem");
    await diagram.screenshot({ path: path.join(SHOTS, "admin-workflow-3-diagram.png") });

    // Remove it and save with a comment: version 2, the renamed label on the diagram.
    await page.getByRole("button", { name: "Удалить статус limbo" }).click();
    await poll(() => page.getByRole("group", { name: /Статус \d+: Лимб/ }).count()).toBe(0);
    await page.getByLabel("Комментарий к версии").fill("Переименован начальный статус");
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Сохранена версия 2." }).count()).toBe(1);
    await poll(() =>
      page.getByText(/Действует версия 2 от .*, Ирина Администратор — «Переименован начальный статус»/).count(),
    ).toBe(1);
    expect(await diagram.locator(`[data-status="${workflow.initial}"] text`).first().textContent()).toBe(
      "Заявка принята",
    );
    await shot(page, "4-saved");

    await page.getByRole("link", { name: "Версии схемы" }).click();
    const rows = page.getByRole("row");
    await poll(() => rows.nth(1).textContent()).toContain("2 (действует)");
    expect(await rows.nth(1).textContent()).toContain("Ирина Администратор");
    expect(await rows.nth(2).textContent()).toContain("описание поставщика");
    await page.getByRole("link", { name: "Схема версии 1" }).click();
    await poll(() => page.getByRole("heading", { name: "Схема версии 1" }).count()).toBe(1);
    expect(
      await page
        .getByRole("img", { name: "Схема заказов, версия 1" })
        .locator(`[data-status="${workflow.initial}"] text`)
        .first()
        .textContent(),
    ).toBe(workflow.statuses[index]?.label);
    await shot(page, "5-versions");

    // The order submitted under version 1 moves to version 2 after a preview.
    await page.goto("/admin/workflow");
    await page.getByRole("link", { name: "Перевести их на версию 2" }).click();
    const table = page.getByRole("table", { name: /Заказы, которые перейдут на версию 2: 1/ });
    await poll(() => table.getByRole("row").nth(1).textContent()).toContain(`№ ${number}`);
    expect(await table.getByRole("row").nth(1).textContent()).toContain("Заявка принята");
    await shot(page, "6-migrate-preview");
    await page.getByLabel("Я проверил список: перевести эти заказы на версию 2").check();
    await page.getByRole("button", { name: "Перевести заказы: 1" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Переведено заказов: 1." }).count()).toBe(1);
    expect(await page.getByText("Заказов в работе по другим версиям нет.").count()).toBe(1);
    await shot(page, "7-migrated");

    // Version 3 renames the initial status's code: the order's status has no counterpart and needs a mapping.
    const token = await adminToken(email, slug);
    const { orderWorkflowVersions } = await gql<{ orderWorkflowVersions: { definition: Def }[] }>(
      `{ orderWorkflowVersions { definition { ${DEFINITION} } } }`,
      {},
      token,
    );
    const v2 = orderWorkflowVersions[0]?.definition as Def;
    const rename = (c: string) => (c === workflow.initial ? "accepted" : c);
    const v3 = {
      ...v2,
      initial: rename(v2.initial),
      statuses: v2.statuses.map((s) => ({ ...s, code: rename(s.code) })),
      transitions: v2.transitions.map((t) => ({ ...t, from: rename(t.from), to: rename(t.to) })),
    };
    // A status documents are available at cannot be removed (STATUS_IN_USE): the admin frees it first.
    const { tenantConfiguration } = await gql<{ tenantConfiguration: { definition: Json } }>(
      "{ tenantConfiguration { definition } }",
      {},
      token,
    );
    const config = tenantConfiguration.definition as Json & { documentTypes: { availableAt: string[] }[] };
    const documentTypes = config.documentTypes.map((d) => ({
      ...d,
      availableAt: d.availableAt.filter((c) => c !== workflow.initial),
    }));
    await gql(
      "mutation($d: JSON!) { saveTenantConfiguration(definition: $d) { __typename } }",
      { d: { ...config, documentTypes } },
      token,
    );
    const saved = await gql<{ saveOrderWorkflow: { __typename: string } }>(
      "mutation($i: SaveOrderWorkflowInput!) { saveOrderWorkflow(input: $i) { __typename } }",
      { i: { definition: v3, comment: "Код начального статуса: accepted" } },
      token,
    );
    expect(saved.saveOrderWorkflow.__typename).toBe("OrderWorkflowVersion");
    await page.goto("/admin/workflow/migrate");
    await poll(() => page.getByText("нужно выбрать статус").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Перевести заказы: 1" }).isDisabled()).toBe(true);
    await page.getByLabel(/Заявка принята \(invoiced\) → в статус/).selectOption("accepted");
    await page.getByRole("button", { name: "Показать" }).click();
    await poll(() => page.getByText("(по соответствию)").count()).toBe(1);
    await shot(page, "8-mapping");
    await page.getByLabel("Я проверил список: перевести эти заказы на версию 3").check();
    await page.getByRole("button", { name: "Перевести заказы: 1" }).click();
    await poll(() => page.getByRole("status").filter({ hasText: "Переведено заказов: 1." }).count()).toBe(1);
    await context.close();
  });
});
