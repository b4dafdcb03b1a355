import path from "node:path";
import { type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Catalog and pricing in Debian Chromium through the real portal, gateway and subgraphs: each
 * tenant's navigation, grouped tables, search with the tenant's minimum and several articles,
 * the product card with characteristics and a VAT toggle, successors, the discounts page.
 */
let h: Harness;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  h = await startPortalHarness({ smtp: false });
  ({ baseUrl, browser } = h);
}, 240_000);

afterAll(async () => {
  await h?.close();
});

const password = (email: string): string => h.password(email);

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

async function login(page: Page, email: string, tenant?: string) {
  await page.goto("/login");
  if (tenant) await page.locator(`input[name="tenant"][value="${tenant}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
}

// playwright-core has no `expect(locator)` matchers: poll with vitest instead.
const text = (l: Locator) => expect.poll(() => l.first().textContent(), { timeout: 15_000 });
const count = (l: Locator) => expect.poll(() => l.count(), { timeout: 15_000 });
const visible = (l: Locator) => l.first().waitFor({ state: "visible" });

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

describe("catalog and pricing (browser)", () => {
  it("keaz: group tree, several articles in one search, minimum length, card with VAT toggle", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@keaz.demo", "keaz");
    const nav = page.getByRole("navigation", { name: "Группы товаров" });
    await visible(nav.getByRole("link", { name: /Модульное оборудование/ }));
    await visible(page.locator(".catalog-group__title"));
    await shot(page, "catalog-01-keaz-groups", false);

    // A subtree of the group tree.
    await nav.getByRole("link", { name: /^Клеммы OptiClip/ }).click();
    await page.waitForURL(/group=/);
    await text(page.locator(".catalog-group__title")).toBe("Модульное оборудование / Клеммы OptiClip");
    const rows = page.locator("table.catalog tbody tr");
    await count(rows).toBe(21);

    // Too short for keaz (6 characters).
    await page.goto("/catalog");
    await page.getByLabel(/Поиск по артикулу/).fill("Opti");
    await page.getByRole("button", { name: "Найти" }).click();
    await text(page.getByRole("alert")).toBe("Введите не меньше 6 символов или точный артикул.");
    await shot(page, "catalog-02-keaz-too-short", false);

    // Two articles separated by a space.
    const keaz = h.tenant<KeazTenant>("keaz");
    const [a, b] = keaz.products;
    if (!a || !b) throw new Error("keaz products missing");
    await page.getByLabel(/Поиск по артикулу/).fill(`${a.article} ${b.article}`);
    await page.getByRole("button", { name: "Найти" }).click();
    await count(rows).toBe(2);
    expect((await rows.locator("td.mono").allTextContents()).sort()).toEqual([a.article, b.article].sort());

    // Words with Russian stemming: "автоматы дифференциальные" finds "Дифференциальный автомат".
    await page.getByLabel(/Поиск по артикулу/).fill("автоматы дифференциальные");
    await page.getByRole("button", { name: "Найти" }).click();
    await text(rows.first().locator("td").nth(1)).toContain("Дифференциальный автомат");
    await shot(page, "catalog-03-keaz-search", false);

    // The card of a discontinued product names its successor.
    const old = keaz.products.find((p) => p.discontinued);
    if (!old) throw new Error("no discontinued keaz product");
    await page.getByLabel(/Поиск по артикулу/).fill(old.article);
    await page.getByRole("button", { name: "Найти" }).click();
    await rows.first().getByRole("link", { name: old.name }).click();
    await page.waitForURL(/\/products\//);
    await text(page.getByRole("heading", { level: 1 })).toBe(old.name);
    await text(page.locator(".specs")).toContain(old.ean13 ?? "EAN");
    await text(page.locator(".specs")).toContain("Код ТН ВЭД");
    await text(page.locator(".discontinued")).toContain(`Замена: ${old.successors?.[0]}`);
    const yours = page.getByTestId("your-price");
    const withVat = await yours.textContent();
    expect(withVat).toContain("с НДС");
    await shot(page, "catalog-04-keaz-card");
    await page.getByLabel("без НДС").check();
    await text(yours).toContain("без НДС");
    expect(await yours.textContent()).not.toBe(withVat);
    await shot(page, "catalog-05-keaz-card-no-vat", false);

    // The company's discounts.
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Скидки" }).click();
    await page.waitForURL(/\/discounts/);
    const discountRows = page.locator("table tbody tr");
    await count(discountRows).toBe(2);
    await text(discountRows.first()).toContain("OptiDin");
    await text(discountRows.first()).toContain("12 %");
    await shot(page, "catalog-06-keaz-discounts");
    await context.close();
  }, 120_000);

  it("wasserkraft: series, quantity into the draft; spectr: brands, personal and retail prices", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@wasserkraft.demo", "wasserkraft");
    const nav = page.getByRole("navigation", { name: "Серии" });
    await nav.getByRole("link", { name: /^Aller 1060 \d+$/ }).click();
    await page.waitForURL(/group=Aller/);
    await text(page.locator(".catalog-group__title")).toBe("Aller 1060");
    const row = page.locator("table.catalog tbody tr").first();
    await row.getByRole("spinbutton").fill("3");
    await row.getByRole("button", { name: "В заказ" }).click();
    await text(row.locator(".add__ok")).toContain("Добавлено: 3");
    await shot(page, "catalog-07-wasserkraft-series", false);
    await context.close();

    const s = await newPage();
    await login(s.page, "dealer@spectr.demo", "spectr");
    await visible(s.page.getByRole("navigation", { name: "Бренды" }));
    await text(s.page.locator("table.catalog tbody tr .price").first()).toContain("розница");
    await shot(s.page, "catalog-08-spectr-brands", false);
    const spectr = h.tenant<KeazTenant>("spectr");
    const personal = spectr.products[0];
    if (!personal) throw new Error("spectr products missing");
    await s.page.goto(`/products/${personal.id}`);
    await text(s.page.locator(".card__panel")).toContain("персональная цена");
    await shot(s.page, "catalog-09-spectr-card");
    await s.context.close();
  }, 120_000);
});

interface KeazTenant {
  products: {
    id: string;
    article: string;
    name: string;
    ean13?: string;
    discontinued?: boolean;
    successors?: string[];
  }[];
}
