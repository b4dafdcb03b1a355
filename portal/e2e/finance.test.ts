import { execFileSync } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Finance in Debian Chromium: the finance page (balance and settlements per contract, overdue
 * debt, invoices), the reconciliation act with the tenant's once-a-day limit and its PDF, the
 * documents of an order with downloads on the order page, and bonus points in the profile.
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness({ smtp: false });
}, 240_000);

afterAll(async () => {
  await h?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function login(page: Page, email: string, tenant: string) {
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${tenant}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(h.password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
}

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

async function gql(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(h.stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, never>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body));
  return body.data as Record<string, Record<string, unknown>>;
}

async function sessionToken(email: string, tenantSlug: string): Promise<string> {
  const session = await gql("mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }", {
    i: { email, password: h.password(email), tenantSlug },
  });
  return String(session.login?.accessToken);
}

/** A submitted order of the dealer, placed through the gateway (the order pages are the orders tests' subject). */
async function submitOrder(email: string, tenantSlug: string, quantity = 10): Promise<{ id: string; number: string }> {
  const token = await sessionToken(email, tenantSlug);
  const products = await gql("{ products(first: 1) { nodes { id } } }", {}, token);
  const nodes = (products.products?.nodes ?? []) as { id: string }[];
  const productId = nodes[0]?.id;
  const draft = await gql("mutation { createDraft { id } }", {}, token);
  const orderId = String(draft.createDraft?.id);
  await gql(
    "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }",
    { i: { orderId, productId, quantity } },
    token,
  );
  const sub = await gql(
    'mutation($id: ID!) { submitOrder(orderId: $id, checkout: { confirmed: true, deliveryAddress: "Курск, Ленина, 1" }) { ... on Order { id number } } }',
    { id: orderId },
    token,
  );
  return { id: String(sub.submitOrder?.id), number: String(sub.submitOrder?.number) };
}

type Workflow = { transitions: { from: string; to: string; by: string[] }[] };

/** The manager moves the order, status by status along the tenant's workflow, from `from` to `to`. */
async function managerMoves(managerEmail: string, tenantSlug: string, orderId: string, from: string, to: string) {
  const { transitions } = h.tenant<{ definition: { workflow: Workflow } }>(tenantSlug).definition.workflow;
  const prev = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0 && !prev.has(to)) {
    const at = queue.shift() as string;
    for (const t of transitions.filter((x) => x.from === at && x.by.includes("manager") && !prev.has(x.to))) {
      prev.set(t.to, at);
      queue.push(t.to);
    }
  }
  const path = [to];
  while (path[0] !== from) path.unshift(prev.get(path[0] as string) as string);
  const token = await sessionToken(managerEmail, tenantSlug);
  for (const next of path.slice(1)) {
    const r = await gql(
      "mutation($o: ID!, $to: String!) { fireOrderTransition(orderId: $o, to: $to) { ... on Order { statusCode } ... on OrderError { message } } }",
      { o: orderId, to: next },
      token,
    );
    if (r.fireOrderTransition?.statusCode !== next) throw new Error(`→ ${next}: ${JSON.stringify(r)}`);
  }
}

const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");

describe("finance (browser)", () => {
  it("keaz: balance per contract, overdue debt, invoices; the act once a day, as PDF", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@keaz.demo", "keaz");
    await page.getByRole("link", { name: "Финансы" }).click();
    await page.waitForURL(/\/finance$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Финансы");
    const summary = page.locator(".finance-summary");
    await expect.poll(() => summary.textContent()).toMatch(/Сальдо по всем договорам\d[\d\s]*,\d\d\s₽/);
    await expect.poll(() => summary.textContent()).toContain("задолженность перед поставщиком");
    await expect.poll(() => page.getByRole("heading", { name: /^Договор № / }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".finance-facts").first().textContent()).toMatch(/отсрочка \d+ дн\./);
    // The balance over time: a chart described in words for screen readers.
    await expect
      .poll(() => page.getByRole("img", { name: /^Сальдо по договору: с \d\d\.\d\d\.\d{4} по / }).count())
      .toBe(1);
    // The act's period defaults to 1 January → today.
    const year = new Date().getUTCFullYear();
    await expect.poll(() => page.getByLabel("Период с").inputValue()).toBe(`01.01.${year}`);
    await shot(page, "finance-page");

    await page.getByLabel("по", { exact: true }).fill("31.02.2026");
    await page.getByRole("button", { name: "Запросить акт сверки" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("в формате ДД.ММ.ГГГГ");
    await page.getByLabel("по", { exact: true }).fill(new Intl.DateTimeFormat("ru-RU").format(new Date()));
    await page.getByRole("button", { name: "Запросить акт сверки" }).click();
    const ok = page.getByRole("status");
    await expect.poll(() => ok.textContent()).toMatch(/^Акт сверки за 01\.01\.\d{4} — \d\d\.\d\d\.\d{4} сформирован/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ok.getByRole("link", { name: "Скачать PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Акт_сверки_\d{4}-01-01_\d{4}-\d\d-\d\d\.pdf$/);
    const text = pdfText(await download.path());
    expect(text).toContain(`Акт сверки взаимных расчётов за период 01.01.${year}`);
    expect(text).toContain("Сальдо конечное");

    // The tenant allows one act a day: the second request says when the next one is possible.
    await page.getByRole("button", { name: "Запросить акт сверки" }).click();
    const refused = page.getByRole("alert");
    await expect.poll(() => refused.textContent()).toMatch(/Следующий запрос возможен \d\d\.\d\d\.\d{4} в \d\d:\d\d/);
    await shot(page, "finance-act-limit");
    await context.close();
  }, 90_000);

  it("keaz: the order page lists the order's documents; the invoice downloads as a workbook", async () => {
    const order = await submitOrder("dealer@keaz.demo", "keaz");
    const { context, page } = await newPage();
    await login(page, "dealer@keaz.demo", "keaz");
    await page.goto(`/orders/${order.id}`);
    const docs = page.getByRole("region", { name: "Документы" });
    await expect.poll(() => docs.getByRole("listitem").count()).toBeGreaterThan(0);
    const first = docs.getByRole("listitem").first();
    const label = (await first.locator(".order-documents__label").textContent()) ?? "";
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      first.getByRole("link", { name: `${label}: скачать Excel` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`_${order.number}\\.xlsx$`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells.join(" ")).toContain(order.number);
    await docs.scrollIntoViewIfNeeded();
    await shot(page, "finance-order-documents");
    await context.close();
  }, 90_000);

  it("wasserkraft: bonus points and their ledger in the profile; keaz, without a bonus rule, shows none", async () => {
    // 50 pieces: the order is above the rule's minimum; the points come once it reaches the rule's status.
    const order = await submitOrder("dealer@wasserkraft.demo", "wasserkraft", 50);
    const { workflow, finance } = h.tenant<{
      definition: { workflow: { initial: string }; finance: { bonus: { creditAt: string } } };
    }>("wasserkraft").definition;
    await managerMoves("manager@wasserkraft.demo", "wasserkraft", order.id, workflow.initial, finance.bonus.creditAt);
    const { context, page } = await newPage();
    await login(page, "dealer@wasserkraft.demo", "wasserkraft");
    await expect
      .poll(
        async () => {
          await page.goto("/profile");
          const region = page.getByRole("region", { name: "Бонусные баллы" });
          await region.waitFor();
          return region.getByRole("link", { name: `№ ${order.number}` }).count();
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    const rule = h.tenant<{ definition: { finance: { bonus: { kopecksPerPoint: number; minOrderKopecks: number } } } }>(
      "wasserkraft",
    ).definition.finance.bonus;
    const rub = (k: number) => new Intl.NumberFormat("ru-RU", { style: "currency", currency: "RUB" }).format(k / 100);
    const bonus = page.getByRole("region", { name: "Бонусные баллы" });
    await expect
      .poll(() => bonus.textContent())
      .toContain(`1 балл за каждые полные ${rub(rule.kopecksPerPoint)} заказа от ${rub(rule.minOrderKopecks)}`);
    await bonus.scrollIntoViewIfNeeded();
    await shot(page, "finance-bonus-profile");
    await context.close();

    const keaz = await newPage();
    await login(keaz.page, "dealer@keaz.demo", "keaz");
    await keaz.page.goto("/profile");
    await keaz.page.waitForLoadState("networkidle");
    expect(await keaz.page.getByRole("region", { name: "Бонусные баллы" }).count()).toBe(0);
    await keaz.context.close();
  }, 90_000);
});
