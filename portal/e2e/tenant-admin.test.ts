import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, type Smtp, startPortalHarness } from "./harness.ts";

/**
 * The tenant admin's configuration pages and the platform admin's tenants in Chromium (issue 8,
 * decision 0018): a rule saved as a new version reaches the dealer through the gateway; bad values
 * and a file that is not an image are refused at their fields; branding is previewed live; a tenant
 * created in the UI gets its admin a mail, and that admin signs in and changes the branding.
 */
let h: Harness;
let smtp: Smtp;

beforeAll(async () => {
  h = await startPortalHarness({ smtp: true });
  smtp = h.smtp as Smtp;
}, 240_000);

afterAll(async () => {
  await h?.close();
});

/** A real PNG logo: a small badge drawn by the browser and captured. */
async function logoPng(): Promise<Buffer> {
  const page = await h.browser.newPage({ viewport: { width: 180, height: 48 } });
  await page.setContent(
    '<style>body{margin:0}</style><div style="width:180px;height:48px;background:#ffffff;color:#14532d;font:700 22px sans-serif;display:flex;align-items:center;justify-content:center;border-radius:8px">WK ✦ Вода</div>',
  );
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 180, height: 48 } });
  await page.close();
  return png;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `tenant-admin-${name}.png`), fullPage: true });

type Json = Record<string, unknown>;
async function gql<T = Json>(query: string, variables: Json = {}, token?: string): Promise<T> {
  const res = await fetch(h.stack.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data;
}

async function signIn(email: string, password: string, slug = ""): Promise<Page> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${slug}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/(catalog|account\/password)/);
  return page;
}

describe("tenant admin (browser)", () => {
  const tenant = () =>
    h.stack.dataset.tenants[0]?.definition as unknown as {
      slug: string;
      features: { minSearchChars: number };
    };

  it("changes a rule: a new version, and the dealer's search follows it through the gateway", {
    timeout: 90_000,
  }, async () => {
    const { slug, features } = tenant();
    const admin = `admin@${slug}.demo`;
    const page = await signIn(admin, h.password(admin), slug);
    await page.getByRole("link", { name: "Настройки" }).click();
    await expect
      .poll(() => page.getByLabel("Минимум символов для поиска").inputValue())
      .toBe(String(features.minSearchChars));

    await page.getByLabel("Минимум символов для поиска").fill("0");
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    const fieldError = page.locator("#features\\.minSearchChars-error");
    await expect.poll(() => fieldError.textContent()).toMatch(/>=1/);
    await shot(page, "rules-invalid");

    await page.getByLabel("Минимум символов для поиска").fill("1");
    await page.getByLabel("Комментарий к версии (необязательно)").fill("Поиск с одного символа");
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    await expect.poll(() => page.locator(".alert--success").textContent()).toBe("Сохранено: версия 2");
    await expect.poll(() => page.getByText("Текущая версия конфигурации: 2.").count()).toBe(1);
    await shot(page, "rules");

    const dealer = `dealer@${slug}.demo`;
    const { login } = await gql<{ login: { accessToken: string } }>(
      `mutation($i: LoginInput!) { login(input: $i) { ... on Session { accessToken } } }`,
      { i: { email: dealer, password: h.password(dealer), tenantSlug: slug } },
    );
    await expect
      .poll(
        async () =>
          (
            await gql<{ catalogSearch: { __typename: string } }>(
              `query { catalogSearch(query: "к", first: 1) { __typename } }`,
              {},
              login.accessToken,
            )
          ).catalogSearch.__typename,
        { timeout: 20_000 },
      )
      .toBe("ProductConnection");

    await page.getByRole("link", { name: "Документы" }).click();
    const first = page.locator('input[type="checkbox"][name$=".availableAt"]').first();
    await first.setChecked(!(await first.isChecked()));
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    await expect.poll(() => page.locator(".alert--success").textContent()).toBe("Сохранено: версия 3");
    await shot(page, "documents");

    await page.getByRole("link", { name: "Оформление" }).click();
    await page.getByLabel("Текст на основном цвете", { exact: true }).fill("#f0f0f0");
    await page.getByLabel("Основной цвет", { exact: true }).fill("#ffff00");
    await expect.poll(() => page.locator(".contrast").textContent()).toMatch(/мало/);
    await shot(page, "branding-low-contrast");
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    await expect.poll(() => page.locator("#onPrimary-error").textContent()).toMatch(/Контраст/);

    await page.getByLabel("Основной цвет", { exact: true }).fill("#14532d");
    await page
      .getByLabel(/^Логотип/)
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("это текст, а не картинка") });
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    await expect.poll(() => page.locator("#logo-error").textContent()).toMatch(/не является изображением/);
    await shot(page, "branding-not-image");

    await page.getByLabel("Основной цвет", { exact: true }).fill("#14532d");
    await page.getByLabel("Текст на основном цвете", { exact: true }).fill("#ffffff");
    await page
      .getByLabel(/^Логотип/)
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: await logoPng() });
    await expect.poll(() => page.locator(".contrast").textContent()).toMatch(/достаточно/);
    await page.getByRole("button", { name: "Сохранить новую версию" }).click();
    await expect.poll(() => page.locator(".alert--success").textContent()).toBe("Сохранено: версия 4");
    await expect.poll(() => page.locator(".app-header__logo").getAttribute("src")).toContain("data%3Aimage%2Fpng");
    await shot(page, "branding");

    await page.getByRole("link", { name: "История версий" }).click();
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(4);
    await expect
      .poll(() => rows.nth(2).textContent())
      .toContain(`features.minSearchChars: ${features.minSearchChars} → 1`);
    await expect.poll(() => rows.nth(2).textContent()).toContain(admin);
    await shot(page, "versions");
  });

  it("a manager cannot reach the admin pages", async () => {
    const manager = `manager@${tenant().slug}.demo`;
    const page = await signIn(manager, h.password(manager), tenant().slug);
    expect(await page.getByRole("link", { name: "Настройки" }).count()).toBe(0);
    const res = await page.goto("/admin");
    expect(res?.status()).toBe(403);
  });
});

describe("platform admin (browser)", () => {
  it("creates a tenant; its admin gets a mail, signs in and changes the branding", { timeout: 120_000 }, async () => {
    const page = await signIn("platform@dpp.demo", h.password("platform@dpp.demo"));
    await page.getByRole("link", { name: "Поставщики" }).click();
    await page.getByLabel("Код (латиница, цифры, дефис)").fill("Тепло");
    await page.getByLabel("Название").fill("Теплодом");
    await page.getByLabel("Юридическое лицо").fill("ООО «Теплодом»");
    await page.getByLabel("ИНН").fill("7707083893");
    await page.getByLabel("E-mail администратора").fill("admin@teplodom.test");
    await page.getByRole("button", { name: "Создать поставщика" }).click();
    await expect.poll(() => page.locator("#slug-error").textContent()).toBeTruthy();
    await shot(page, "platform-invalid");

    await page.getByLabel("Код (латиница, цифры, дефис)").fill("teplodom");
    await page.getByRole("button", { name: "Создать поставщика" }).click();
    await expect.poll(() => page.locator(".alert--success").textContent()).toMatch(/Поставщик «Теплодом» создан/);
    await expect.poll(() => page.locator("tbody tr").last().textContent()).toContain("teplodom");
    await shot(page, "platform");

    const mail = await expect
      .poll(() => smtp.messages.find((m) => m.envelope.to.includes("admin@teplodom.test")), { timeout: 15_000 })
      .toBeTruthy()
      .then(() => smtp.messages.find((m) => m.envelope.to.includes("admin@teplodom.test")));
    const password = /Пароль: (\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    const admin = await signIn("admin@teplodom.test", password, "teplodom");
    await admin.waitForURL(/\/account\/password/);
    await admin.getByLabel("Пароль из письма").fill(password);
    await admin.getByLabel("Новый пароль", { exact: true }).fill("Teplo-2026-new");
    await admin.getByLabel("Новый пароль ещё раз").fill("Teplo-2026-new");
    await admin.getByRole("button", { name: /Сменить|Сохранить/ }).click();
    await admin.waitForURL(/\/catalog/);

    await admin.goto("/admin/branding");
    await admin.getByLabel("Основной цвет", { exact: true }).fill("#7a1f1f");
    await admin.getByLabel("Акцент", { exact: true }).fill("#f0a020");
    await admin.getByRole("button", { name: "Сохранить новую версию" }).click();
    await expect.poll(() => admin.locator(".alert--success").textContent()).toBe("Сохранено: версия 2");
    await expect
      .poll(() => admin.locator(".app-header").evaluate((e) => getComputedStyle(e).backgroundColor), {
        timeout: 10_000,
      })
      .toBe("rgb(122, 31, 31)");
    await shot(admin, "new-tenant-branding");
  });
});
