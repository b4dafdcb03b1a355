import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/** Staff upload a catalog file (XLSX, CSV) in Debian Chromium and read the per-line report. */
let h: Harness;
const dir = mkdtempSync(path.join(tmpdir(), "catalog-import-"));

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
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const cells = (page: Page) =>
  page
    .getByRole("region", { name: "Результат импорта" })
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));

describe("catalog import (browser)", () => {
  it("keaz manager: a bad file saves nothing, partial import saves the valid lines, CSV too", async () => {
    const existing = h.tenant<{ products: { article: string }[] }>("keaz").products[0]?.article ?? "";
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Товары");
    ws.addRows([
      ["Артикул", "Наименование", "Цена", "EAN-13"],
      ["IMP-0001", "Клемма проходная новая", "123,45", ""],
      [existing, "Переименованный выключатель", "281", ""],
      ["IMP-0002", "Клемма с ценой словами", "12р", ""],
      ["IMP-0003", "Клемма с плохим штрихкодом", "10", "4006381333932"],
    ]);
    const xlsx = path.join(dir, "catalog.xlsx");
    await wb.xlsx.writeFile(xlsx);

    const { context, page } = await newPage();
    await login(page, "manager@keaz.demo", "keaz");
    await page.getByRole("link", { name: "Импорт каталога" }).click();
    await page.getByLabel("Файл каталога (XLSX или CSV)").setInputFiles(xlsx);
    await page.getByRole("button", { name: "Загрузить" }).click();
    const status = page.getByRole("status");
    await expect.poll(() => status.textContent()).toBe("catalog.xlsx: ничего не сохранено. Строк с ошибками: 1.");
    expect(await cells(page)).toEqual([
      ["2", "IMP-0001", "не сохранён", ""],
      ["3", existing, "не сохранён", ""],
      ["4", "IMP-0002", "ошибка", "Цена «12р»: нужна сумма в рублях, например 1234,50"],
      ["5", "IMP-0003", "не сохранён", ""],
    ]);

    await page.getByLabel("Файл каталога (XLSX или CSV)").setInputFiles(xlsx);
    await page.getByLabel("Сохранить правильные строки, даже если в других есть ошибки").check();
    await page.getByRole("button", { name: "Загрузить" }).click();
    await expect
      .poll(() => status.textContent())
      .toBe("catalog.xlsx: сохранено. Создано 1, обновлено 1, без изменений 0, с ошибками 2.");
    expect(await cells(page)).toEqual([
      ["2", "IMP-0001", "создан", ""],
      ["3", existing, "обновлён", ""],
      ["4", "IMP-0002", "ошибка", "Цена «12р»: нужна сумма в рублях, например 1234,50"],
      ["5", "IMP-0003", "ошибка", "EAN-13 «4006381333932»: неверная контрольная цифра (ожидалась 1)"],
    ]);
    await shot(page, "staff-catalog-import");

    const csv = path.join(dir, "catalog.csv");
    writeFileSync(csv, "\uFEFFАртикул;Наименование;Цена;Замена\nIMP-0004;Клемма из CSV;1 000,50;\n");
    await page.getByLabel("Файл каталога (XLSX или CSV)").setInputFiles(csv);
    await page.getByRole("button", { name: "Загрузить" }).click();
    await expect
      .poll(() => status.textContent())
      .toBe("catalog.csv: сохранено. Создано 1, обновлено 0, без изменений 0, с ошибками 0.");
    await page.goto("/catalog?q=IMP-0004");
    await expect.poll(() => page.getByText("Клемма из CSV").count()).toBe(1);
    await context.close();
  });

  it("is refused to a dealer", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@keaz.demo", "keaz");
    expect(await page.getByRole("link", { name: "Импорт каталога" }).count()).toBe(0);
    const res = await page.goto("/staff/catalog-import");
    expect(res?.status()).toBe(403);
    await context.close();
  });
});
