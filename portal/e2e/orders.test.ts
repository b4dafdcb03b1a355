import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * The dealer's orders in the browser (issue 5): a named draft checked out with the customer's own
 * number, the tenant's tabs with counts, search, the order page with the workflow's move for the
 * dealer, a comment to the manager, «Повторить заказ» and switching the active draft.
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness();
}, 240_000);

afterAll(async () => {
  await h?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `orders-${name}.png`), fullPage: true });
const text = (l: Locator) => expect.poll(() => l.first().textContent(), { timeout: 15_000 });

async function dealerPage(slug: string, email = `dealer@${slug}.demo`): Promise<Page> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${slug}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(h.password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
  return page;
}

describe("dealer orders (browser)", () => {
  it("keaz: checkout with own number, tabs with counts, search, send to production, comment, repeat", {
    timeout: 120_000,
  }, async () => {
    const page = await dealerPage("keaz");
    const tabs = h.tenant<{ definition: { workflow: { tabs: { label: string }[] } } }>("keaz").definition.workflow.tabs;
    await page.locator("table.catalog tbody tr").first().getByRole("button", { name: "В заказ" }).click();
    await text(page.locator(".add__ok")).toContain("Добавлено");
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Черновик" }).click();
    await page.waitForURL(/\/drafts\//);
    await page.getByLabel("Название черновика").fill("Щит ВРУ-1");
    await page.getByRole("button", { name: "Переименовать" }).click();
    await text(page.getByRole("status")).toBe("Черновик переименован.");
    await text(page.locator("h1")).toBe("Черновик: Щит ВРУ-1");
    // keaz names the customer's own number as its manual does (its checkout form's label).
    const numberLabel = h.tenant<{ definition: { checkout: { customerNumber: { label: string } } } }>("keaz").definition
      .checkout.customerNumber.label;
    await page.getByLabel(numberLabel).fill("ЗК-117");
    // The line in the product's unit; totals with packages, mass, volume, list cost and discount.
    await text(page.locator("table.lines tbody tr").first().locator("td").nth(4)).toBe("шт");
    const totals = page.getByRole("region", { name: "Итого" });
    for (const label of ["Упаковок", "Масса брутто", "Объём", "Базовая стоимость", "Скидка", "Сумма с НДС"])
      await text(totals).toContain(label);
    await text(totals).toMatch(/\d кг/);
    await shot(page, "01-draft");
    await page.getByRole("button", { name: "Отправить заказ" }).click();
    await page.waitForURL(/\/orders$/);

    const tabNav = page.getByRole("navigation", { name: "Вкладки заказов" });
    expect(await tabNav.getByRole("link").allTextContents()).toEqual(tabs.map((t) => expect.stringContaining(t.label)));
    await text(tabNav.getByRole("link", { name: /Получен счет/ })).toMatch(/Получен счет\s*1/);
    const row = page.locator("table.orders tbody tr").first();
    await text(row).toContain("Ваш №: ЗК-117");
    await shot(page, "02-list");

    await page.getByLabel("Номер заказа, номер в 1С или ваш номер").fill("зк-117");
    await page.getByRole("button", { name: "Найти" }).click();
    await expect.poll(() => page.locator("table.orders tbody tr").count()).toBe(1);
    await page.getByLabel("Номер заказа, номер в 1С или ваш номер").fill("нет-такого");
    await page.getByRole("button", { name: "Найти" }).click();
    await text(page.locator("main")).toContain("Заказов не найдено.");

    await page.getByRole("link", { name: /Получен счет/ }).click();
    await page.locator("table.orders tbody tr").first().getByRole("link").first().click();
    await page.waitForURL(/\/orders\/ord_/);
    await text(page.locator(".badge")).toBe("Получен счет");
    await shot(page, "03-order");
    const file = await page.request.get(`${new URL(page.url()).pathname}/export.xlsx`);
    expect(file.headers()["content-disposition"]).toMatch(/attachment; filename="zakaz-\d+\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file.body()) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(String(sheet?.getRow(1).getCell(1).value)).toMatch(/^Заказ № \d+$/);
    expect(sheet?.getRow(5).values).toEqual([undefined, "Ваш номер", "ЗК-117"]);
    await page.getByRole("button", { name: "Отправить в производство" }).click();
    await text(page.getByRole("status")).toBe("Статус заказа: В производстве.");
    await text(page.locator(".badge")).toBe("В производстве");

    await page.getByLabel("Новый комментарий").fill("Просим отгрузить до пятницы");
    await page.getByRole("button", { name: "Отправить комментарий" }).click();
    await text(page.locator(".order-comment p")).toBe("Просим отгрузить до пятницы");
    await page.getByRole("button", { name: "Отслеживать" }).click();
    await text(page.getByRole("status")).toBe("Заказ добавлен в отслеживаемые.");
    await text(page.getByRole("button", { name: "Не отслеживать" })).toBe("Не отслеживать");
    await expect.poll(() => page.getByLabel("Новый комментарий").inputValue()).toBe("");
    await shot(page, "04-order-production");

    await page.getByRole("button", { name: "Повторить заказ" }).click();
    await page.waitForURL(/\/drafts\//);
    await text(page.getByRole("status")).toContain("Товары заказа добавлены в черновик.");
    await text(page.locator(".draft-active")).toContain("Это активный черновик");
    await expect.poll(() => page.locator("table.lines tbody tr").count()).toBe(1);

    await page.goto("/orders?tab=drafts");
    await text(
      page.getByRole("navigation", { name: "Вкладки заказов" }).getByRole("link", { name: /Отслеживаемые/ }),
    ).toMatch(/Отслеживаемые\s*1/);
    const drafts = page.locator("table.orders tbody tr");
    await expect.poll(() => drafts.count()).toBeGreaterThan(0);
    await shot(page, "05-drafts");
    await page.context().close();
  });

  it("multi-brand dealer: carts of two brands checked out into one order per supplier", {
    timeout: 120_000,
  }, async () => {
    const page = await dealerPage("keaz", "dealer@multibrand.demo");
    const brandName = (slug: string) => h.tenant<{ definition: { name: string } }>(slug).definition.name;
    const addFirstProduct = async () => {
      await page.goto("/catalog");
      await page.locator("table.catalog tbody tr").first().getByRole("button", { name: "В заказ" }).click();
      await text(page.locator(".add__ok")).toContain("Добавлено");
    };
    await addFirstProduct();
    await page.getByLabel("Бренд", { exact: true }).selectOption("wasserkraft");
    await page.getByRole("button", { name: "Перейти" }).click();
    await text(page.locator(".app-header__tenant")).toBe(brandName("wasserkraft"));
    await addFirstProduct();

    await page.goto("/orders/brands");
    const carts = page.locator("table.carts tbody tr");
    await expect.poll(() => carts.count()).toBeGreaterThanOrEqual(2);
    await shot(page, "06-brands-carts");
    await page.getByLabel("Комментарий ко всем заказам").fill("Один заказ на два бренда");
    await page.getByLabel("Я проверил содержимое заказов").check();
    await page.getByRole("button", { name: /Оформить заказы у всех поставщиков \(2\)/ }).click();
    const status = page.getByRole("status");
    await text(status).toMatch(new RegExp(`${brandName("keaz")}: заказ № \\d+ отправлен`));
    await text(status).toMatch(new RegExp(`${brandName("wasserkraft")}: заказ № \\d+ отправлен`));
    const rows = page.locator("table.orders tbody tr");
    await expect
      .poll(() => rows.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(brandName("keaz")),
          expect.stringContaining(brandName("wasserkraft")),
        ]),
      );
    // Each supplier's order follows its own workflow: keaz invoices, wasserkraft starts as new.
    const keazRow = rows.filter({ hasText: brandName("keaz") }).first();
    await text(keazRow.locator(".badge")).toBe("Получен счет");
    await text(
      rows
        .filter({ hasText: brandName("wasserkraft") })
        .first()
        .locator(".badge"),
    ).toBe("Новый");
    await shot(page, "07-brands-orders");
    await page.context().close();
  });
});
