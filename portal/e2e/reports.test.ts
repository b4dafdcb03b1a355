import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Reports and shipments in Debian Chromium: a dealer's order, the ERP's readiness rows and a
 * waybill (sent through the gateway as the supplier's manager, as an ERP connector would), then
 * what the dealer reads: «Готовность заказов», «Готовность продукции» with its filter and Excel
 * file, «Отгрузки» with the notification switch and the waybill page.
 */
interface DemoTenant {
  definition: { slug: string };
  products: { id: string; article: string; name: string; packMultiple: number; discontinued?: boolean }[];
  warehouses: { code: string; name: string }[];
}

let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness({ smtp: true });
}, 240_000);

afterAll(async () => {
  await h?.close();
});

async function api<T>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(h.stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

const token = async (email: string, slug: string) =>
  (
    await api<{ login: { accessToken: string } }>(
      null,
      `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
      { i: { email, password: h.password(email), tenantSlug: slug } },
    )
  ).login.accessToken;

async function login(page: Page, email: string, tenant: string) {
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${tenant}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(h.password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
}

describe("reports and shipments (browser)", () => {
  it("a dealer reads order and product readiness, downloads Excel, switches shipment mail on and opens a waybill", async () => {
    const t = h.tenant<DemoTenant>("keaz");
    const slug = t.definition.slug;
    const dealerEmail = `dealer@${slug}.demo`;
    const [dealer, manager] = await Promise.all([token(dealerEmail, slug), token(`manager@${slug}.demo`, slug)]);
    const [a, b] = t.products.filter((p) => !p.discontinued);
    if (!a || !b) throw new Error("demo tenant lacks products");
    const draft = (await api<{ createDraft: { id: string } }>(dealer, "mutation { createDraft { id } }")).createDraft
      .id;
    for (const p of [a, b]) {
      await api(dealer, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
        i: { orderId: draft, article: p.article, quantity: p.packMultiple * 4 },
      });
    }
    const me = await api<{ viewer: { company: { counterparties: { id: string }[] } } }>(
      dealer,
      "{ viewer { company { counterparties { id } } } }",
    );
    const checkout = { counterpartyId: me.viewer.company.counterparties[0]?.id, confirmed: true };
    const order = (
      await api<{ submitOrder: { id?: string; number?: string; code?: string; message?: string } }>(
        dealer,
        `mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) {
          ... on Order { id number } ... on OrderError { code message } } }`,
        { id: draft, c: checkout },
      )
    ).submitOrder;
    if (!order.id) throw new Error(`not submitted: ${order.code} ${order.message}`);
    await api(
      manager,
      `mutation($rows: [OrderLineReadinessInput!]!) { setOrderLineReadiness(rows: $rows) { applied } }`,
      {
        rows: [
          {
            orderId: order.id,
            productId: a.id,
            status: "IN_STOCK",
            guaranteedDate: "2026-11-30",
            readyDate: "2026-11-25",
            warehouseCode: t.warehouses[0]?.code,
          },
          { orderId: order.id, productId: b.id, status: "PRODUCTION", guaranteedDate: "2026-12-15" },
        ],
      },
    );

    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: "ru-RU",
      viewport: { width: 1360, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await login(page, dealerEmail, slug);
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Отчеты" }).click();
    await page.waitForURL(/\/reports\/orders$/);
    await page.screenshot({ path: path.join(SHOTS, "reports-order-readiness.png"), fullPage: true });
    const orderRow = page.getByRole("row").filter({ hasText: `Заказ № ${order.number}` });
    await orderRow.waitFor();
    const cells = (await orderRow.getByRole("cell").allTextContents()).map((c) => c.replace(/\s/g, ""));
    const four = 4 * a.packMultiple + 4 * b.packMultiple;
    expect(cells).toEqual([String(four), String(four), String(4 * a.packMultiple), "0"]);

    await page.getByRole("link", { name: "Готовность продукции к отгрузке" }).click();
    await page.waitForURL(/\/reports\/products$/);
    await page.getByRole("checkbox", { name: "В производстве" }).check();
    await page.getByRole("button", { name: "Показать" }).click();
    await page.waitForURL(/status=PRODUCTION/);
    await page.locator(".line-status--in_stock").waitFor({ state: "detached" });
    const rows = page.getByRole("table", { name: "Готовность продукции к отгрузке" }).getByRole("row");
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain("В производстве");
    expect(await rows.nth(1).textContent()).toContain("15.12.2026");
    await page.getByRole("checkbox", { name: "В производстве" }).uncheck();
    await page.getByRole("button", { name: "Показать" }).click();
    await page.getByRole("cell", { name: "На складе" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "reports-product-readiness.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать в Excel" }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) ?? "");
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(6).value).toBe("Статус");
    const statuses = [2, 3].map((r) => sheet?.getRow(r).getCell(6).value);
    expect(statuses).toEqual(["На складе", "В производстве"]);

    // The supplier ships part of the order; the dealer asked to be mailed.
    await page.getByRole("link", { name: "Отгрузки" }).first().click();
    await page.waitForURL(/\/shipments$/);
    await page.getByRole("button", { name: "Уведомлять об отгрузках" }).click();
    await page.getByRole("button", { name: "Не уведомлять об отгрузках" }).waitFor();
    const waybill = (
      await api<{ createShipment: { id: string } }>(
        manager,
        `mutation($i: CreateWaybillInput!) { createShipment(input: $i) { ... on Waybill { id } } }`,
        {
          i: {
            number: "РН-7781",
            date: "2026-11-24",
            consignee: "ООО «Электромонтаж»",
            address: "Курск, ул. Заводская, 1",
            deliveryMethod: "Самовывоз",
            lines: [{ orderId: order.id, productId: a.id, quantity: a.packMultiple }],
          },
        },
      )
    ).createShipment;
    await page.reload();
    await page.getByRole("link", { name: "№ РН-7781" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "reports-shipments.png"), fullPage: true });
    for (let i = 0; i < 100 && !h.smtp?.messages.some((m) => m.subject.includes("РН-7781")); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const mail = h.smtp?.messages.find((m) => m.subject.includes("РН-7781"));
    const link = mail?.text.match(/Накладная: (\S+)/)?.[1];
    expect(link).toBe(`${h.baseUrl}/shipments/${waybill.id}`);
    await page.goto(link ?? "/");
    await page.getByRole("heading", { name: "Накладная № РН-7781 от 24.11.2026" }).waitFor();
    expect(await page.getByRole("table", { name: "Состав накладной" }).textContent()).toContain(a.article);
    await page.screenshot({ path: path.join(SHOTS, "reports-waybill.png"), fullPage: true });
    await context.close();
  });
});
