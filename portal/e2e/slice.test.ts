import path from "node:path";
import { type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * The dealer's slice through the real portal, gateway, subgraphs and worker, in Debian Chromium:
 * log in, find priced products with stock, build a draft, submit it, see it with its status and
 * invoice; switch brands; and the session cookie never exposes a token to page scripts.
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

const primaryOf = (slug: string): string => h.tenant(slug).definition.branding.primary;

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

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

describe("portal slice (browser)", () => {
  it("sends an anonymous visitor to the login page and keeps where they were going", async () => {
    const { context, page } = await newPage();
    await page.goto("/orders");
    await page.waitForURL(/\/login\?next=%2Forders/);
    await count(page.locator(".brand-card")).toBe(6); // "any" + five tenants
    await shot(page, "01-login");
    await page.getByLabel("E-mail").fill("dealer@keaz.demo");
    await page.getByLabel("Пароль").fill("wrong-password-1");
    await page.getByRole("button", { name: "Войти" }).click();
    await visible(page.getByRole("alert"));
    await shot(page, "02-login-error");
    await context.close();
  });

  it("keaz dealer: catalog, draft of two products, submitted order with its invoice", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@keaz.demo", "keaz");

    // The session cookie is httpOnly and holds no token.
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/dpp_session|eyJ/);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "dpp_session");
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
    expect(session?.value).not.toMatch(/eyJ/);

    await text(page.locator(".app-header__tenant")).toBe("КЭАЗ");
    const rows = page.locator("table.catalog tbody tr");
    expect(await rows.count()).toBeGreaterThan(2);
    await text(rows.first().locator(".price")).toContain("₽");
    await visible(rows.first().locator(".stock li").first());
    await shot(page, "03-catalog", false);

    for (const i of [0, 1]) {
      const row = rows.nth(i);
      await row.getByRole("button", { name: "В заказ" }).click();
      await text(row.locator(".add__ok")).toContain("Добавлено");
    }
    await text(rows.nth(1).locator(".add__ok")).toContain("позиций: 2");
    await shot(page, "04-catalog-added", false);

    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Черновик" }).click();
    await page.waitForURL(/\/drafts\//);
    await count(page.locator("table.lines tbody tr")).toBe(2);
    await shot(page, "05-draft");

    await page.getByLabel("Комментарий к заказу").fill("Проверка из e2e");
    await page.getByRole("button", { name: "Отправить заказ" }).click();
    await page.waitForURL(/\/orders$/);
    await text(page.getByRole("status")).toMatch(/Заказ № \S+ отправлен/);
    const order = page.locator("table.orders tbody tr").first();
    await text(order.locator(".badge")).toBe("Получен счет");
    await text(order).toContain("Счет на оплату");
    await shot(page, "06-orders");

    // The page's own scripts never see a token.
    expect(await page.evaluate(() => document.cookie)).toBe("");
    await context.close();
  });

  it("multi-brand dealer switches brand: the header takes the new brand's colour", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@multibrand.demo");
    const header = page.locator(".app-header");
    const before = (await page.locator(".app-header__tenant").textContent()) ?? "";
    const beforeColour = await header.evaluate((el) => getComputedStyle(el).backgroundColor);
    await shot(page, "07-multibrand-before", false);

    const select = page.getByLabel("Бренд", { exact: true });
    const options = await select
      .locator("option")
      .evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? "" })));
    expect(options.length).toBeGreaterThan(1);
    const current = await select.inputValue();
    const target = options.find((o) => o.value !== current && rgb(primaryOf(o.value)) !== beforeColour);
    if (!target) throw new Error("no other brand with a different colour");
    await select.selectOption(target.value);
    await page.getByRole("button", { name: "Перейти" }).click();
    await text(page.locator(".app-header__tenant")).toBe(target.label);
    expect(target.label).not.toBe(before);
    await expect
      .poll(() => header.evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe(rgb(primaryOf(target.value)));
    await shot(page, "08-multibrand-after", false);
    await context.close();
  });

  it("shows the dev mailbox", async () => {
    const { context, page } = await newPage();
    await page.goto("/dev/mail");
    await visible(page.getByRole("heading", { name: "Письма" }));
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator("table tbody tr").count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    await shot(page, "09-dev-mail");
    await page.locator("table tbody tr a").first().click();
    await page.waitForURL(/\/dev\/mail\/.+/);
    await shot(page, "10-dev-mail-message");
    await context.close();
  });
});
