import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Useful-information pages and the maintenance banner in Debian Chromium: a manager writes a page
 * in Markdown (with a script and an inline handler pasted in), previews and publishes it; the
 * dealer finds it under «Полезная информация» with nothing executable left. The tenant admin
 * re-activates the seeded outage banner; every page of that tenant shows it, another tenant's don't.
 */
let h: Harness;

interface Tenant {
  definition: { slug: string };
  content?: { infoPages: { title: string; published: boolean }[]; maintenanceBanner?: { text: string } };
}

beforeAll(async () => {
  h = await startPortalHarness({ smtp: false });
}, 240_000);

afterAll(async () => {
  await h?.close();
});

async function signIn(email: string, tenant: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Any script that survived sanitizing would open a dialog.
  page.on("dialog", (d) => {
    throw new Error(`a script ran: ${d.message()}`);
  });
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${tenant}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(h.password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return { context, page };
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** The seeded tenant with published pages, and the one with a seeded banner. */
const withPages = () => h.tenant<Tenant>("wasserkraft");
const withBanner = () => h.tenant<Tenant>("autoparts");

describe("useful-information pages (browser)", () => {
  it("a manager writes and previews a page; the dealer reads it with scripts and handlers stripped", async () => {
    const slug = withPages().definition.slug;
    const { context, page } = await signIn(`manager@${slug}.demo`, slug);
    await page.getByRole("link", { name: "Полезная информация" }).click();
    await page.getByRole("heading", { name: "Полезная информация", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Новая страница" }).click();
    await page.getByLabel("Заголовок").fill("Возврат товара");
    await page.getByLabel("Адрес страницы").fill("vozvrat");
    await page.getByLabel("Порядок").fill("5");
    await page
      .getByLabel("Текст (Markdown)")
      .fill(
        '## Сроки возврата\n\nВернуть товар можно **в течение 14 дней**.\n\n- сохраните упаковку\n- приложите накладную\n\n<script>alert("xss")</script>\n<img src="https://example.invalid/x.png" alt="схема" onerror="alert(1)">\n\n[Написать менеджеру](javascript:alert(2))',
      );
    await page.getByRole("button", { name: "Предпросмотр" }).click();
    const preview = page.locator(".content-preview");
    await expect.poll(() => preview.locator("h2").textContent()).toBe("Сроки возврата");
    expect(await preview.locator("script, [onerror]").count()).toBe(0);
    await shot(page, "info-editor-preview");

    await page.getByLabel("Опубликована — видна дилерам").check();
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.waitForURL(/\/staff\/content$/);
    await expect.poll(() => page.locator(".alert--success").textContent()).toContain("Возврат товара");
    await shot(page, "info-staff-list");
    await context.close();

    const dealer = await signIn(`dealer@${slug}.demo`, slug);
    await dealer.page.getByRole("link", { name: "Полезная информация" }).click();
    await dealer.page.waitForURL(/\/info$/);
    const published = (withPages().content?.infoPages ?? []).filter((p) => p.published).map((p) => p.title);
    await expect
      .poll(() => dealer.page.locator(".info-list a").allTextContents())
      .toEqual([...published, "Возврат товара"]);
    await shot(dealer.page, "info-dealer-list");
    await dealer.page.getByRole("link", { name: "Возврат товара" }).click();
    await dealer.page.waitForURL(/\/info\/vozvrat$/);
    const prose = dealer.page.locator(".prose");
    await expect.poll(() => prose.locator("strong").textContent()).toBe("в течение 14 дней");
    expect(await prose.locator("li").allTextContents()).toEqual(["сохраните упаковку", "приложите накладную"]);
    expect(await prose.locator("script, [onerror]").count()).toBe(0);
    expect(await prose.locator("a", { hasText: "Написать менеджеру" }).getAttribute("href")).toBeNull();
    await shot(dealer.page, "info-dealer-page");
    // A draft is not reachable for dealers even by its address.
    const draft = await dealer.page.goto("/info/garantiya");
    expect(draft?.status()).toBe(404);
    await dealer.context.close();
  });

  it("the tenant admin turns the seeded banner on; it shows on every page of that tenant only", async () => {
    const t = withBanner();
    const slug = t.definition.slug;
    const seeded = t.content?.maintenanceBanner?.text ?? "";
    const { context, page } = await signIn(`admin@${slug}.demo`, slug);
    await page.goto("/admin/banner");
    await expect.poll(() => page.getByLabel("Текст объявления").inputValue()).toBe(seeded);
    expect(await page.locator(".maintenance-banner").count()).toBe(0);
    const local = (hours: number) =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone: "Europe/Moscow",
        dateStyle: "short",
        timeStyle: "short",
      })
        .format(new Date(Date.now() + hours * 3_600_000))
        .replace(" ", "T");
    // An inverted period is refused next to the field.
    await page.getByLabel("Показывать с").fill(local(2));
    await page.getByLabel("Показывать до").fill(local(1));
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect
      .poll(() => page.locator("#activeUntil-error").textContent())
      .toBe("Окончание должно быть позже начала");
    await page.getByLabel("Показывать с").fill(local(-1));
    await page.getByLabel("Показывать до").fill(local(2));
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect.poll(() => page.locator(".maintenance-banner").textContent()).toBe(seeded);
    await shot(page, "banner-admin");
    await context.close();

    const dealer = await signIn(`dealer@${slug}.demo`, slug);
    await dealer.page.goto("/orders");
    await expect.poll(() => dealer.page.locator(".maintenance-banner").textContent()).toBe(seeded);
    await shot(dealer.page, "banner-dealer-orders");
    await dealer.context.close();

    const other = withPages().definition.slug;
    const elsewhere = await signIn(`dealer@${other}.demo`, other);
    await elsewhere.page.goto("/orders");
    await elsewhere.page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await elsewhere.page.locator(".maintenance-banner").count()).toBe(0);
    await elsewhere.context.close();
  });
});
