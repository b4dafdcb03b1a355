import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Order import on the draft page in Debian Chromium, through the real portal, gateway and
 * subgraphs: a keaz dealer checks an .xlsx (report per row), confirms it, pastes rows copied from
 * Excel, and downloads the tenant's sample file.
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness();
}, 240_000);
afterAll(async () => {
  await h?.close();
});

interface DemoTenant {
  definition: { slug: string };
  products: {
    id: string;
    article: string;
    name: string;
    packMultiple: number;
    minQuantity: number;
    discontinued?: boolean;
  }[];
  stock: { productId: string; quantity: number }[];
}

const text = (l: Locator) => expect.poll(() => l.first().textContent(), { timeout: 20_000 });
const count = (l: Locator) => expect.poll(() => l.count(), { timeout: 20_000 });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

async function gatewayDraft(email: string, slug: string): Promise<string> {
  const call = async (query: string, variables: object, token?: string) => {
    const res = await fetch(h.stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return ((await res.json()) as { data: Record<string, Record<string, string>> }).data;
  };
  const login = await call("mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }", {
    i: { email, password: h.password(email), tenantSlug: slug },
  });
  const token = login.login?.accessToken;
  const draft = await call('mutation { createDraft(name: "Импорт") { id } }', {}, token);
  return String(draft.createDraft?.id);
}

describe("draft import (browser)", () => {
  it("checks a file row by row, adds what the dealer confirms, takes a paste and offers the sample", async () => {
    const keaz = h.tenant<DemoTenant>("keaz");
    const stockOf = (id: string) => keaz.stock.filter((s) => s.productId === id).reduce((a, s) => a + s.quantity, 0);
    const packed = keaz.products.find((p) => p.packMultiple > 2 && !p.discontinued && p.minQuantity <= p.packMultiple);
    const other = keaz.products.find(
      (p) => p.packMultiple === 1 && !p.discontinued && p.minQuantity <= 1 && stockOf(p.id) > 0,
    );
    if (!packed || !other) throw new Error("keaz demo data lacks the products this test needs");

    const draftId = await gatewayDraft("dealer@keaz.demo", "keaz");
    const context = await h.browser.newContext({
      baseURL: h.baseUrl,
      locale: "ru-RU",
      viewport: { width: 1360, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto("/login");
    await page.locator('input[name="tenant"][value="keaz"]').check();
    await page.getByLabel("E-mail").fill("dealer@keaz.demo");
    await page.getByLabel("Пароль").fill(h.password("dealer@keaz.demo"));
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL(/\/catalog/);
    await page.goto(`/drafts/${draftId}`);

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Заказ");
    sheet.addRow(["Артикул", "Количество", "Примечание"]);
    sheet.addRow([packed.article, packed.packMultiple + 1, "округлится"]);
    sheet.addRow([other.article, 2]);
    sheet.addRow(["НЕТ-ТАКОГО-АРТИКУЛА", 1]);
    sheet.addRow([other.article, "3"]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "import-e2e-")), "заказ.xlsx");
    await book.xlsx.writeFile(file);

    // Keyboard: the file field is labelled and reachable; the check button submits.
    await page.getByLabel("Файл Excel или CSV (.xlsx, .xls, .csv)").setInputFiles(file);
    await page.getByRole("button", { name: "Проверить" }).click();
    const rows = page.locator(".import__table tbody tr");
    await count(rows).toBe(4);
    const rounded = Math.ceil((packed.packMultiple + 1) / packed.packMultiple) * packed.packMultiple;
    await text(rows.nth(0)).toContain(`округлено до ${rounded}`);
    await text(rows.nth(2)).toContain("Артикул «НЕТ-ТАКОГО-АРТИКУЛА» не найден");
    await text(rows.nth(3)).toContain("Повтор артикула из строки 3");
    await text(page.locator(".import__preview [role=status]")).toContain("Будет добавлено: 2 поз.");
    await count(page.locator("table.lines tbody tr")).toBe(0);
    await shot(page, "import-01-preview");

    await page.getByRole("button", { name: "Добавить в черновик" }).click();
    await text(page.locator(".import .alert--success")).toContain("Добавлено в черновик: 2 поз.");
    await count(page.locator("table.lines tbody tr")).toBe(2);
    await text(page.locator("table.lines tbody tr").nth(0)).toContain(packed.article);
    expect(await page.getByLabel("Файл Excel или CSV (.xlsx, .xls, .csv)").inputValue()).toBe("");
    await shot(page, "import-02-added");

    // A large file: upload progress, then the check; only rows with a remark are listed.
    const big = new ExcelJS.Workbook();
    const bigSheet = big.addWorksheet("Заказ");
    for (let i = 0; i < 5_000; i++) bigSheet.addRow([i % 2 ? other.article : `НЕТ-${i}`, 1]);
    const bigFile = path.join(path.dirname(file), "большой.xlsx");
    await big.xlsx.writeFile(bigFile);
    await page.getByLabel("Файл Excel или CSV (.xlsx, .xls, .csv)").setInputFiles(bigFile);
    await page.getByRole("button", { name: "Проверить" }).click();
    await page.locator(".import__progress").waitFor({ state: "visible" });
    await shot(page, "import-02b-progress");
    await text(page.locator(".import__preview [role=status]")).toContain("Строк в файле: 5\u00a0000");
    await count(rows).toBe(1000);
    await text(page.locator(".import__preview")).toContain(
      "Показаны первые 1\u00a0000 строк с замечаниями из 4\u00a0999.",
    );
    await page.getByRole("button", { name: "Отменить" }).click();

    await page.getByLabel("Вставить из буфера").check();
    await page.getByLabel("Строки, скопированные из Excel или 1С").fill(`${other.article}\t1\nабв\tмного\n`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await count(rows).toBe(2);
    await text(rows.nth(1)).toContain("Ошибка в количестве");
    await shot(page, "import-03-paste");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать образец (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Образец для импорта заказа.xlsx");
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(sample.worksheets[0]?.getRow(1).getCell(1).value).toBe("Артикул");
    expect(keaz.products.some((p) => p.article === sample.worksheets[0]?.getRow(2).getCell(1).text)).toBe(true);
    await context.close();
  });
});
