import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Promotions in Debian Chromium: the catalog's link, the «Все акции» and «Индивидуальные акции»
 * tabs; and the nomenclature file a dealer with the right downloads from the catalog.
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

describe("promotions (browser)", () => {
  it("wasserkraft: all promotions, then the partner's individual one, from the catalog's link", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@wasserkraft.demo", "wasserkraft");
    await page.getByRole("link", { name: "Акции сейчас: 2" }).click();
    await page.waitForURL(/\/promotions$/);
    const titles = page.getByRole("heading", { level: 2 });
    await expect
      .poll(() => titles.allTextContents())
      .toEqual(["Aller 1060: −15 % на смесители серии", "Отсрочка платежа 45 дней"]);
    await expect.poll(() => page.getByText("1 ноября 2026 г. — 31 декабря 2026 г.").count()).toBe(1);
    await shot(page, "promotions-all");
    // Keyboard: the tab is a link reachable with Tab and opened with Enter.
    const tab = page.getByRole("link", { name: "Индивидуальные акции" });
    await tab.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/tab=individual/);
    await expect.poll(() => titles.allTextContents()).toEqual(["Отсрочка платежа 45 дней"]);
    expect(await page.getByRole("link", { name: "Индивидуальные акции" }).getAttribute("aria-current")).toBe("page");
    await shot(page, "promotions-individual");
    await context.close();
  });

  it("keaz: no promotions link; the nomenclature file downloads as a real workbook with the dealer's prices", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@keaz.demo", "keaz");
    await page.getByRole("heading", { name: "Каталог" }).waitFor();
    expect(await page.getByRole("link", { name: /Акции сейчас/ }).count()).toBe(0);
    await shot(page, "catalog-nomenclature-link", false);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Номенклатурный файл (XLSX)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("nomenclature.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const sheet = wb.getWorksheet("Номенклатура");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Артикул");
    expect(sheet?.getRow(1).getCell(10).value).toBe("Ваша цена, ₽");
    const keaz = h.tenant<{ products: { article: string }[] }>("keaz");
    expect((sheet?.rowCount ?? 0) - 1).toBe(keaz.products.length);
    await context.close();
  });
});
