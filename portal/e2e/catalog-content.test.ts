import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Catalog content in Debian Chromium with a real SMTP server. Presentations: the manager composes
 * an offer (a wrong line is named under the lines box), sends it; the dealer follows the mailed
 * link, edits a quantity and presses Enter — the line turns from «не в корзине» to «в корзине».
 * The daily nomenclature e-mail subscription. Promotions for staff with an image upload.
 */
let h: Harness;

interface Tenant {
  id: string;
  definition: { slug: string; features: { presentations?: boolean } };
  products: { id: string; article: string; name: string; retailPrice?: number | null }[];
}

beforeAll(async () => {
  h = await startPortalHarness({ smtp: true });
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

const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

describe("catalog content (browser)", () => {
  it("a manager sends an offer; the dealer opens the mailed link and puts a line into the cart", async () => {
    const data = h.stack.dataset as unknown as { tenants: Tenant[] };
    const t = data.tenants.find((x) => x.definition.features.presentations);
    if (!t) throw new Error("no demo tenant sends presentations");
    const slug = t.definition.slug;
    const [a, b] = t.products.filter((p) => p.retailPrice);
    if (!a || !b) throw new Error("the tenant needs two products with retail prices");

    const staff = await newPage();
    await login(staff.page, `manager@${slug}.demo`, slug);
    await staff.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Презентации" }).click();
    await staff.page.getByRole("heading", { name: "Презентации", level: 1 }).waitFor();
    await staff.page.getByRole("link", { name: "Новая презентация" }).click();
    const dealerSelect = staff.page.getByLabel("Дилер", { exact: true });
    const company = (await dealerSelect.locator("option").nth(1).textContent()) ?? "";
    await dealerSelect.selectOption({ index: 1 });
    await staff.page.getByLabel("Название").fill("Видеонаблюдение для офиса");
    await staff.page.getByLabel("Персональная скидка, %").fill("12,5");
    await staff.page.getByLabel("Цены действуют до").fill("31.12.2099");
    await staff.page.getByLabel("Товары", { exact: true }).fill(`${a.article} 3\nНЕТ-ТАКОГО 1\n\n${b.article} 2`);
    await staff.page.getByLabel("Комментарий для дилера").fill("Цены зафиксированы до конца года.");
    await staff.page.getByRole("button", { name: "Сохранить черновик" }).click();
    await expect
      .poll(() => staff.page.locator("#lines-error").textContent())
      .toBe("Строка 2: нет товара с артикулом НЕТ-ТАКОГО");
    expect(await staff.page.getByLabel("Товары", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await shot(staff.page, "staff-presentation-errors");

    await staff.page.getByLabel("Товары", { exact: true }).fill(`${a.article} 3\n${b.article} 2`);
    await staff.page.getByRole("button", { name: "Отправить дилеру" }).click();
    await staff.page.waitForURL(/\/staff\/presentations$/);
    await staff.page.getByText(`Презентация «Видеонаблюдение для офиса» отправлена: ${company}`).waitFor();
    const row = staff.page.getByRole("row", { name: /Видеонаблюдение для офиса/ });
    await expect.poll(() => row.getByText("отправлена").count()).toBe(1);
    await shot(staff.page, "staff-presentations");
    await staff.context.close();

    const smtp = h.smtp;
    if (!smtp) throw new Error("the harness has no SMTP server");
    const mail = await expect
      .poll(() => smtp.messages.find((m) => m.subject === "Персональное предложение: Видеонаблюдение для офиса"))
      .toBeTruthy()
      .then(() => smtp.messages.find((m) => m.subject === "Персональное предложение: Видеонаблюдение для офиса"));
    const link = /https?:\/\/\S+\/presentations\/\S+/.exec(mail?.text ?? "")?.[0];
    expect(link?.startsWith(`${h.baseUrl}/presentations/prs_`)).toBe(true);

    const dealer = await newPage();
    await login(dealer.page, `dealer@${slug}.demo`, slug);
    await dealer.page.goto(link ?? "/");
    await dealer.page.getByRole("heading", { name: "Видеонаблюдение для офиса" }).waitFor();
    await dealer.page.getByText("Цены зафиксированы до конца года.").waitFor();
    const line = dealer.page.getByRole("row", { name: a.article });
    expect(await line.getByText("не в корзине").count()).toBe(1);
    const qty = dealer.page.getByLabel(`Количество ${a.article}`);
    expect(await qty.inputValue()).toBe("3");
    // Keyboard: edit the quantity and press Enter — that line goes into the active draft.
    await qty.fill("5");
    await qty.press("Enter");
    await dealer.page.getByText(`${a.article}: 5 шт добавлено в корзину.`).waitFor();
    await expect.poll(() => line.getByText("в корзине: 5 шт").count()).toBe(1);
    const other = dealer.page.getByRole("row", { name: b.article });
    expect(await other.getByText("не в корзине").count()).toBe(1);
    await shot(dealer.page, "dealer-presentation");

    await dealer.page.getByRole("link", { name: "Презентации", exact: true }).first().click();
    await dealer.page.getByRole("heading", { name: "Презентации", level: 1 }).waitFor();
    await shot(dealer.page, "dealer-presentations", false);
    await dealer.context.close();
  }, 120_000);

  it("a dealer with the nomenclature right subscribes to the daily file from the catalog", async () => {
    const { context, page } = await newPage();
    // keaz: the seed's tenant with the nomenclature file (any dealer with the right would do).
    await login(page, "dealer@keaz.demo", "keaz");
    await page.getByRole("link", { name: "рассылка каждый день" }).click();
    await page.getByRole("heading", { name: "Номенклатурный файл" }).waitFor();
    const box = page.getByRole("checkbox", { name: /Присылать файл на dealer@keaz\.demo каждый день/ });
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.getByText("Подписка оформлена: файл будет приходить каждое утро.").waitFor();
    expect(await page.getByRole("checkbox", { name: /Присылать файл/ }).isChecked()).toBe(true);
    await shot(page, "nomenclature-subscription", false);
    await context.close();
  }, 60_000);

  it("a manager publishes an individual promotion with an image; a non-image is refused; the partner sees it", async () => {
    interface Data {
      users: { id: string; email: string }[];
      companies: { id: string; name: string }[];
      memberships: { userId: string; tenantId: string; companyId: string | null }[];
    }
    const data = h.stack.dataset as unknown as Data;
    // wasserkraft: the seed's tenant with promotions (any tenant's staff may publish them).
    const t = h.tenant<{ id: string }>("wasserkraft");
    const dealerUser = data.users.find((u) => u.email === "dealer@wasserkraft.demo");
    const companyId = data.memberships.find((m) => m.userId === dealerUser?.id && m.tenantId === t?.id)?.companyId;
    const company = data.companies.find((c) => c.id === companyId)?.name ?? "";
    const dir = tmpdir();
    const notImage = path.join(dir, "акция.png");
    writeFileSync(notImage, "это не картинка");
    const png = path.join(dir, "promo.png");
    writeFileSync(
      png,
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "base64",
      ),
    );

    const staff = await newPage();
    await login(staff.page, "manager@wasserkraft.demo", "wasserkraft");
    await staff.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Акции" }).click();
    await staff.page.getByRole("heading", { name: "Акции", level: 1 }).waitFor();
    await staff.page.getByRole("link", { name: "Новая акция" }).click();
    await staff.page.getByLabel("Заголовок").fill("Только для вас: −20 % на душевые системы");
    await staff.page.getByLabel("Текст", { exact: true }).fill("Скидка партнёру до конца года.");
    await staff.page.getByLabel("Индивидуальная — только для партнёров:").check();
    await staff.page.getByLabel(company, { exact: true }).check();
    await staff.page.getByLabel("Начало").fill("01.01.2026");
    await staff.page.getByLabel("Окончание (включительно)").fill("31.12.2099");
    await staff.page.getByLabel("Картинка").setInputFiles(notImage);
    await staff.page.getByRole("button", { name: "Сохранить" }).click();
    await staff.page.getByText("Файл не является картинкой: загрузите PNG, JPEG или WebP").waitFor();
    await shot(staff.page, "staff-promotion-image-refused");
    await staff.page.getByLabel("Картинка").setInputFiles(png);
    await staff.page.getByRole("button", { name: "Сохранить" }).click();
    await staff.page.waitForURL(/\/staff\/promotions$/);
    const row = staff.page.getByRole("row", { name: /Только для вас/ });
    await expect.poll(() => row.textContent()).toContain(`партнёры: ${company}`);
    await shot(staff.page, "staff-promotions");
    await staff.context.close();

    const dealer = await newPage();
    await login(dealer.page, "dealer@wasserkraft.demo", "wasserkraft");
    await dealer.page.goto("/promotions?tab=individual");
    await dealer.page.getByRole("heading", { name: "Только для вас: −20 % на душевые системы" }).waitFor();
    const img = dealer.page.locator("article", { hasText: "Только для вас" }).locator("img");
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(1);
    await shot(dealer.page, "promotions-individual-uploaded");
    await dealer.context.close();
  }, 120_000);
});
