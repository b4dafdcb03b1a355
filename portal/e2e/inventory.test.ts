import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Inventory in Debian Chromium: the product card's «Наличие и сроки» dialog — stock per
 * warehouse and the lead-time calculator, for the demo tenant that keeps lead times (found by its
 * data, not its name); expected figures are computed from the same demo data.
 */
interface LeadTimeTenant {
  definition: {
    slug: string;
    features: {
      distributorNetwork?: boolean;
      leadTime?: {
        shippingDays: number;
        replenishmentDays: number;
        replenishmentDaysByWarehouse?: Record<string, number>;
      };
    };
  };
  products: { id: string; article: string; unit: string; packMultiple: number; name: string }[];
  warehouses: { id: string; code: string; name: string }[];
  stock: { productId: string; warehouseId: string; quantity: number }[];
}

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

describe("availability and lead times (browser)", () => {
  it("the product card's dialog shows stock per warehouse and computes lead times for a quantity", async () => {
    const tenants = h.stack.dataset.tenants as unknown as LeadTimeTenant[];
    const t = tenants.find((x) => x.definition.features.leadTime);
    const lead = t?.definition.features.leadTime;
    if (!t || !lead) throw new Error("no demo tenant keeps lead times");
    // A product some warehouse holds a little of: part from stock, the rest from replenishment.
    const row = t.stock.find((s) => s.quantity > 0 && s.quantity < 40);
    const product = t.products.find((p) => p.id === row?.productId);
    const warehouse = t.warehouses.find((w) => w.id === row?.warehouseId);
    if (!row || !product || !warehouse) throw new Error("no product with a little stock in the demo data");
    const requested = row.quantity + 1;
    const quantity = Math.ceil(requested / product.packMultiple) * product.packMultiple;
    const days = lead.replenishmentDaysByWarehouse?.[warehouse.code] ?? lead.replenishmentDays;
    const expected = `${row.quantity} ${product.unit}. - ${lead.shippingDays} раб. дн.; ${quantity - row.quantity} ${product.unit}. - ${days} раб. дн.`;

    const { context, page } = await newPage();
    await login(page, `dealer@${t.definition.slug}.demo`, t.definition.slug);
    await page.goto(`/products/${product.id}`);
    await page.getByRole("button", { name: "Наличие и сроки" }).click();
    const dialog = page.getByRole("dialog", { name: "Наличие и сроки поставки" });
    await dialog
      .getByRole("cell", { name: new RegExp(warehouse.name) })
      .first()
      .waitFor();
    await dialog.getByLabel(`Количество, ${product.unit}`).fill(String(requested));
    await dialog.getByRole("button", { name: "Рассчитать срок" }).click();
    const line = dialog.getByRole("row").filter({ hasText: warehouse.name }).filter({ hasText: "раб. дн." });
    await line.waitFor();
    expect(await line.getByRole("cell").nth(1).textContent()).toBe(expected);
    await page.screenshot({ path: path.join(SHOTS, "inventory-availability-dialog.png") });
    await page.keyboard.press("Escape");
    expect(await dialog.isVisible()).toBe(false);
    await context.close();
  });

  it("a distributor keeps its warehouses and uploads stock; bad rows are named; the card shows it; the export reads back", async () => {
    const tenants = h.stack.dataset.tenants as unknown as LeadTimeTenant[];
    const t = tenants.find((x) => x.definition.features.distributorNetwork);
    const product = t?.products[0];
    if (!t || !product) throw new Error("no demo tenant works with distributors");
    const { context, page } = await newPage();
    // A supplier without a distributor network has no such pages.
    const other = tenants.find((x) => !x.definition.features.distributorNetwork);
    if (other) {
      await login(page, `dealer@${other.definition.slug}.demo`, other.definition.slug);
      expect(await page.getByRole("link", { name: "Склады дистрибьютора" }).count()).toBe(0);
      expect((await page.goto("/distributor"))?.status()).toBe(404);
      await context.clearCookies();
    }
    await login(page, `dealer@${t.definition.slug}.demo`, t.definition.slug);
    await page.getByRole("link", { name: "Склады дистрибьютора" }).click();
    await page.waitForURL(/\/distributor$/);
    await page.getByLabel("Код склада", { exact: true }).fill("TUL");
    await page.getByLabel("Название", { exact: true }).fill("Склад «Электро-Тула»");
    await page.getByLabel("Адрес", { exact: true }).fill("Тула, ул. Ленина, 1");
    await page.getByLabel("Контакты", { exact: true }).fill("+7 4872 00-00-00");
    await page.getByRole("button", { name: "Сохранить склад" }).click();
    await page.getByRole("status").filter({ hasText: "Склад TUL сохранён." }).waitFor();
    await page.getByRole("cell", { name: "Склад «Электро-Тула»" }).waitFor();

    const stockInput = page.getByLabel(/код склада, артикул, количество/);
    const bad = `Код склада;Артикул;Количество\nTUL;${product.article};5\nMSK;${product.article};1\nTUL;no-such-article;-1\n`;
    await stockInput.setInputFiles({ name: "ostatki.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Загрузить остатки" }).click();
    const errors = page.getByRole("table", { name: "Ошибки по строкам" });
    await errors.waitFor();
    const rows = await errors.getByRole("row").allTextContents();
    expect(rows.slice(1)).toEqual([
      "3Нет склада с кодом «MSK»",
      "4Нет товара с артикулом «no-such-article»",
      "4Количество должно быть целым и не меньше 0: -1",
    ]);
    await page.screenshot({ path: path.join(SHOTS, "inventory-distributor-errors.png"), fullPage: true });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Остатки");
    sheet.addRow(["Код склада", "Артикул", "Количество", "Ссылка"]);
    sheet.addRow(["TUL", product.article, 17, "https://electro-tula.example/p"]);
    await stockInput.setInputFiles({
      name: "ostatki.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.getByRole("button", { name: "Загрузить остатки" }).click();
    await page.getByRole("status").filter({ hasText: "Остатки заменены, строк: 1." }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "inventory-distributor.png"), fullPage: true });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Выгрузить остатки в Excel" }).click();
    const file = await (await download).path();
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const values: unknown[][] = [];
    back.worksheets[0]?.eachRow((r) => values.push((r.values as unknown[]).slice(1, 4)));
    expect(values).toEqual([
      ["Код склада", "Артикул", "Количество"],
      ["TUL", product.article, 17],
    ]);

    await page.goto(`/products/${product.id}`);
    await page.getByRole("button", { name: "Наличие и сроки" }).click();
    const dialog = page.getByRole("dialog", { name: "Наличие и сроки поставки" });
    await dialog.getByRole("heading", { name: "У дистрибьюторов" }).waitFor();
    expect(await dialog.getByRole("listitem").first().textContent()).toContain(
      "Склад «Электро-Тула», Тула, ул. Ленина, 1",
    );
    await context.close();
  });
});
