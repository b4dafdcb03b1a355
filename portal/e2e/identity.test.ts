import path from "node:path";
import { type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, type Smtp, type Stack, startPortalHarness } from "./harness.ts";

/**
 * Accounts in the browser (issue 3): registration per tenant mode with the mails read from a real
 * SMTP server, activation, the view-only banner until the manager approves in the staff queue,
 * recovery, the forced change of a generated password, API keys shown once, the counterparty
 * switcher, and a screenshot of every account page.
 */
let h: Harness;
let stack: Stack;
let baseUrl: string;
let browser: Browser;
let smtp: Smtp;

beforeAll(async () => {
  h = await startPortalHarness({ smtp: true });
  ({ stack, baseUrl, browser } = h);
  smtp = h.smtp as Smtp;
}, 240_000);

afterAll(async () => {
  await h?.close();
});

async function newPage() {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

const DEMO = "Demo-2026";
async function login(page: Page, email: string, pass: string, tenant: string, landing = /\/catalog/) {
  await page.goto(`/login?tenant=${tenant}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(pass);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(landing);
}

const text = (l: Locator) => expect.poll(() => l.first().textContent(), { timeout: 15_000 });
const visible = (l: Locator) => l.first().waitFor({ state: "visible" });
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });

/** The next mail to `to` (waits for it) and the first portal link in it. */
async function mailTo(to: string) {
  for (let i = 0; i < 150; i++) {
    const m = smtp.messages.find((x) => x.envelope.to.includes(to));
    if (m) {
      smtp.messages.splice(smtp.messages.indexOf(m), 1);
      const link = m.text.match(new RegExp(`${baseUrl}\\S+`))?.[0];
      return { ...m, link };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail to ${to}; got ${smtp.messages.map((m) => m.envelope.to.join()).join("; ")}`);
}

describe("accounts in the portal (browser)", { timeout: 90_000 }, () => {
  it("offers «Регистрация» only for tenants that let dealers register themselves", async () => {
    const { context, page } = await newPage();
    await page.goto("/login");
    const register = page.getByRole("region", { name: "Регистрация" });
    await text(register).toContain("Регистрация — WasserKRAFT");
    const links = await register.getByRole("link").allTextContents();
    // Self-registration tenants only (autoparts registers like wasserkraft); spectr and vitup are staff-only.
    expect(links).toEqual(["Регистрация — АвтоДеталь", "Регистрация — КЭАЗ", "Регистрация — WasserKRAFT"]);
    await shot(page, "20-login-register");
    await page.goto("/register?tenant=spectr");
    await text(page.locator("main")).toContain("Кабинет создаёт менеджер поставщика");
    await context.close();
  });

  it("wasserkraft: self-registration → activation mail → view-only → the manager approves → full access", async () => {
    const { context, page } = await newPage();
    await page.goto("/register?tenant=wasserkraft");
    await page.getByLabel("Имя пользователя").fill("Сантехторг");
    await page.getByLabel("Наименование юридического лица").fill("ООО «Сантехторг»");
    await page.getByLabel("ИНН").fill("7707083894");
    await page.getByLabel("КПП (необязательно)").fill("12");
    await page.getByLabel("Контактный e-mail (логин)").fill("buyer@santeh.test");
    await page.getByLabel("Пароль", { exact: true }).fill("secret-1");
    await page.getByLabel("Пароль ещё раз").fill("secret-1");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    // Each problem next to its field, tied to the input for screen readers.
    await text(page.locator("#inn-error")).toBe("Неверная контрольная сумма ИНН — проверьте цифры");
    await text(page.locator("#kpp-error")).toContain("КПП — 9 символов");
    expect(await page.getByLabel("ИНН").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Имя пользователя").inputValue()).toBe("Сантехторг");
    await shot(page, "21-register-errors");

    await page.getByLabel("ИНН").fill("7707083893");
    await page.getByLabel("КПП (необязательно)").fill("770701001");
    await page.getByLabel("Пароль", { exact: true }).fill("secret-1");
    await page.getByLabel("Пароль ещё раз").fill("secret-1");
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await text(page.locator("h1")).toBe("Проверьте почту");

    const mail = await mailTo("buyer@santeh.test");
    expect(mail.subject).toContain("подтвердите регистрацию");
    expect(mail.link).toMatch(/\/activate\?brand=wasserkraft&token=/);
    await page.goto(mail.link ?? "");
    await shot(page, "22-activate");
    await page.getByRole("button", { name: "Активировать кабинет" }).click();
    await text(page.locator("h1")).toBe("Кабинет активирован");
    // The link works once: a second use says so and offers a way on.
    await page.goto(mail.link ?? "");
    await page.getByRole("button", { name: "Активировать кабинет" }).click();
    await text(page.getByRole("alert")).toContain("уже была использована");
    await visible(page.getByRole("link", { name: "зарегистрируйтесь снова" }));
    await shot(page, "23-activate-used");

    await login(page, "buyer@santeh.test", "secret-1", "wasserkraft");
    await text(page.locator(".banner")).toContain("режиме просмотра");
    await shot(page, "24-view-only", false);

    const staff = await newPage();
    await login(staff.page, "manager@wasserkraft.demo", DEMO, "wasserkraft");
    await staff.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Заявки дилеров" }).click();
    await staff.page.waitForURL(/\/staff\/approvals/);
    await shot(staff.page, "25-staff-approvals");
    await staff.page.getByRole("button", { name: "Подтвердить ООО «Сантехторг»" }).click();
    await text(staff.page.getByRole("status")).toBe("ООО «Сантехторг» подтверждён");
    await staff.context.close();
    expect((await mailTo("buyer@santeh.test")).subject).toContain("регистрация подтверждена");

    await page.reload();
    await text(page.getByRole("status")).toBe("Менеджер подтвердил регистрацию: все функции кабинета доступны");
    expect(await page.locator(".banner").count()).toBe(0);
    // The refreshed session carries every right: the dealer's history shows the approval.
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "История" }).click();
    await text(page.locator("table")).toContain("Менеджер подтвердил регистрацию");
    // Filtered by action and by today's date typed the Russian way.
    const today = new Intl.DateTimeFormat("ru-RU", { timeZone: "Europe/Moscow" }).format(new Date());
    await page.getByLabel("Действие").selectOption({ label: "Менеджер подтвердил регистрацию" });
    await page.getByLabel("С даты").fill(today);
    await page.getByRole("button", { name: "Показать" }).click();
    await expect.poll(() => page.locator("table tbody tr").count()).toBe(1);
    await shot(page, "26-history");
    await context.close();
  });

  it("keaz: e-mail first, then the questionnaire with the tenant's customer types", async () => {
    const { context, page } = await newPage();
    await page.goto("/register?tenant=keaz");
    await page.getByLabel("E-mail").fill("buyer@elektro.test");
    await page.getByRole("button", { name: "Получить ссылку" }).click();
    await text(page.locator("#acceptTerms-error, .field__error")).toContain("согласие");
    await page.getByLabel("Я принимаю условия пользовательского соглашения").check();
    await page.getByRole("button", { name: "Получить ссылку" }).click();
    await text(page.locator("h1")).toBe("Проверьте почту");
    const mail = await mailTo("buyer@elektro.test");
    expect(mail.link).toMatch(/\/register\/questionnaire\?brand=keaz&token=/);
    await page.goto(mail.link ?? "");
    await text(page.locator("main")).toContain("buyer@elektro.test");
    expect(await page.getByLabel("Вы").locator("option").count()).toBe(18); // «— выберите —» + the seed's 17
    await page.getByRole("button", { name: "Завершить регистрацию" }).click();
    await text(page.locator("#customerType-error")).toBe("Выберите, кто вы, из списка");
    await shot(page, "37-questionnaire-errors");
    await page.getByLabel("Фамилия").fill("Сидоров");
    await page.getByLabel("Имя", { exact: true }).fill("Павел");
    await page.getByLabel("Вы").selectOption({ index: 1 });
    await page.getByLabel("Пароль", { exact: true }).fill("Elektro-2026");
    await page.getByLabel("Пароль ещё раз").fill("Elektro-2026");
    await page.getByLabel("Я принимаю условия использования и политику конфиденциальности").check();
    await page.getByRole("button", { name: "Завершить регистрацию" }).click();
    await text(page.locator("h1")).toBe("Регистрация завершена");
    await page.goto(mail.link ?? "");
    await text(page.locator("h1")).toBe("Ссылка не работает");
    await visible(page.getByRole("link", { name: "Получить новую ссылку" }));
    await login(page, "buyer@elektro.test", "Elektro-2026", "keaz");
    await page.goto("/profile/email");
    await page.getByLabel("Новый e-mail").fill("buyer@");
    await page.getByRole("button", { name: "Отправить код и ссылку" }).click();
    await visible(page.locator("#newEmail-error"));
    await shot(page, "38-email-change");
    await context.close();
  });

  it("recovery: the link from the mail sets a new password once; a used link offers a new one", async () => {
    const { context, page } = await newPage();
    await page.goto("/login?tenant=keaz");
    await page.getByRole("link", { name: "Забыли пароль?" }).click();
    await page.waitForURL(/\/recover\?tenant=keaz/);
    await page.getByRole("button", { name: "Прислать ссылку" }).click();
    await text(page.locator("#email-error")).toBe("Укажите e-mail");
    await page.getByLabel("E-mail").fill("dealer@keaz.demo");
    await page.getByRole("button", { name: "Прислать ссылку" }).click();
    await text(page.getByRole("status")).toContain("придёт письмо");
    await shot(page, "27-recover");
    const mail = await mailTo("dealer@keaz.demo");
    await page.goto(mail.link ?? "");
    await page.getByLabel("Новый пароль", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Сохранить пароль" }).click();
    await text(page.locator("#password-error")).toContain("не короче 8 символов");
    await shot(page, "28-reset-error");
    await page.getByLabel("Новый пароль", { exact: true }).fill("Newpass-2027");
    await page.getByLabel("Новый пароль ещё раз").fill("Newpass-2027");
    await page.getByRole("button", { name: "Сохранить пароль" }).click();
    await text(page.locator("h1")).toBe("Пароль изменён");
    await page.goto(mail.link ?? "");
    await page.getByLabel("Новый пароль", { exact: true }).fill("Another-2028");
    await page.getByLabel("Новый пароль ещё раз").fill("Another-2028");
    await page.getByRole("button", { name: "Сохранить пароль" }).click();
    await text(page.locator("h1")).toBe("Ссылка не работает");
    await visible(page.getByRole("link", { name: "Запросить новую ссылку" }));
    await login(page, "dealer@keaz.demo", "Newpass-2027", "keaz");
    await context.close();
  });

  it("API keys: created with a subset of rights, shown once, listed with last use", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@autoparts.demo", DEMO, "autoparts");
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Ключи API" }).click();
    await page.getByRole("button", { name: "Создать ключ" }).click();
    await text(page.locator("#name-error")).toContain("Назовите ключ");
    await page.getByLabel("Название").fill("1С: Управление торговлей");
    await page.getByLabel("Доступ к финансовой информации").check();
    await page.getByRole("button", { name: "Создать ключ" }).click();
    const key = (await page.getByTestId("new-api-key").textContent()) ?? "";
    expect(key).toMatch(/^dppk_ten_autoparts\./);
    await text(page.locator("table")).toContain("1С: Управление торговлей");
    expect(await page.getByLabel("Название").inputValue()).toBe("");
    await shot(page, "29-api-key-created");

    // The key works at the gateway with the rights it was given.
    const res = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `ApiKey ${key}` },
      body: JSON.stringify({ query: "{ viewer { permissions } }" }),
    });
    const body = await res.text();
    expect(body, body).toContain('"permissions":["finance.view"]');

    await page.reload();
    expect(await page.getByTestId("new-api-key").count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    const row = page.locator("tr", { hasText: "1С: Управление торговлей" });
    await text(row).toContain("Доступ к финансовой информации");
    await text(row).not.toContain("не использовался");
    await row.getByRole("button", { name: "Отозвать «1С: Управление торговлей»" }).click();
    await text(page.getByRole("status")).toContain("отозван");
    await shot(page, "30-api-keys");
    await context.close();
  });

  it("spectr: an invited dealer must replace the generated password before anything else", async () => {
    const staff = await newPage();
    await login(staff.page, "manager@spectr.demo", DEMO, "spectr");
    await staff.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Приглашения" }).click();
    await staff.page.getByLabel("ФИО контактного лица").fill("Орлов Пётр");
    await staff.page.getByLabel("E-mail (станет логином)").fill("orlov@guard.test");
    await staff.page.getByLabel("Юридическое лицо").fill("ООО «Охрана»");
    await staff.page.getByLabel("ИНН").fill("7707083893");
    await staff.page.getByRole("button", { name: "Пригласить" }).click();
    await visible(staff.page.getByRole("status"));
    await shot(staff.page, "31-staff-invitation");
    await staff.context.close();

    const mail = await mailTo("orlov@guard.test");
    const generated = /Пароль: (\S+)/.exec(mail.text)?.[1] ?? "";
    expect(generated).toHaveLength(12);
    const { context, page } = await newPage();
    await login(page, "orlov@guard.test", generated, "spectr", /\/account\/password/);
    await page.goto("/orders");
    await page.waitForURL(/\/account\/password/);
    // Nothing else is reachable yet, so the nav offers nothing else.
    expect(await page.getByRole("navigation", { name: "Разделы" }).count()).toBe(0);
    await shot(page, "32-forced-password");
    await page.getByLabel("Пароль из письма").fill(generated);
    await page.getByLabel("Новый пароль", { exact: true }).fill("guard-2027");
    await page.getByLabel("Новый пароль ещё раз").fill("guard-2027");
    await page.getByRole("button", { name: "Сменить пароль" }).click();
    await page.waitForURL(/\/catalog/);
    await text(page.getByRole("status")).toBe("Пароль изменён");
    await context.close();
  });

  it("the multibrand dealer picks its counterparty in the header; the choice survives a reload", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@multibrand.demo", DEMO, "keaz");
    const select = page.getByLabel("Контрагент");
    await expect.poll(() => select.locator("option").count(), { timeout: 15_000 }).toBe(2);
    // Both legal entities of «ТехноСнаб» buy from keaz, by name; the first is active after login.
    expect(await select.locator("option").allTextContents()).toEqual([
      expect.stringMatching(/^ООО «ТехноСнаб-Регион» \(ИНН \d{10}\)$/),
      expect.stringMatching(/^ООО «ТехноСнаб» \(ИНН \d{10}\)$/),
    ]);
    await text(select.locator("option:checked")).toContain("ТехноСнаб-Регион");
    await select.selectOption({ label: (await select.locator("option").nth(1).textContent()) ?? "" });
    await page.getByRole("button", { name: "Выбрать" }).click();
    await text(page.getByRole("status")).toBe("Контрагент выбран");
    await page.reload();
    await text(page.getByLabel("Контрагент").locator("option:checked")).toMatch(/^ООО «ТехноСнаб» /);
    await shot(page, "33-counterparty", false);
    // In wasserkraft the company buys through one entity only: no switcher, just its name.
    await page.getByLabel("Бренд", { exact: true }).selectOption({ label: "WasserKRAFT" });
    await page.getByRole("button", { name: "Перейти" }).click();
    await text(page.locator(".app-header__tenant")).toBe("WasserKRAFT");
    expect(await page.getByLabel("Контрагент").count()).toBe(0);
    await context.close();
  });

  it("profile, users and rights, outlet cabinets: labelled forms with errors next to fields", async () => {
    const { context, page } = await newPage();
    await login(page, "dealer@wasserkraft.demo", DEMO, "wasserkraft");
    await page.goto("/profile");
    await page.getByLabel("Телефоны").fill("+7 495 123-45-67\n12");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await text(page.locator("#phones-error")).toContain("Строка 2");
    await page.getByLabel("Телефоны").fill("+7 495 123-45-67");
    await page.getByLabel("Регион").fill("Москва");
    await page.getByLabel("Дата рождения").fill("31.02.1980");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await text(page.locator("#birthDate-error")).toContain("ДД.ММ.ГГГГ");
    await page.getByLabel("Дата рождения").fill("31.12.1980");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await text(page.getByRole("status")).toBe("Профиль сохранён");
    await page.reload();
    expect(await page.getByLabel("Дата рождения").inputValue()).toBe("31.12.1980");
    expect(await page.getByLabel("Телефоны").inputValue()).toBe("+7 495 123-45-67");
    await shot(page, "34-profile");

    await page.goto("/account/users");
    await page.locator("#add-email").fill("helper@akvamir.test");
    await page.getByRole("group", { name: "Права", exact: true }).getByLabel("Доступ к отправке заказов").check();
    await page.getByRole("button", { name: "Добавить" }).click();
    await text(page.getByRole("status")).toContain("helper@akvamir.test добавлен");
    await text(page.locator("table")).toContain("helper@akvamir.test");
    await shot(page, "35-users");
    await context.close();

    const vitup = await newPage();
    await login(vitup.page, "manager@vitup.demo", DEMO, "vitup");
    await vitup.page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Торговые точки" }).click();
    await vitup.page.getByRole("button", { name: "Создать кабинет" }).click();
    await visible(vitup.page.locator(".field__error"));
    await shot(vitup.page, "36-staff-outlets");
    await vitup.context.close();
  });
});
