import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, type Smtp, startPortalHarness } from "./harness.ts";

/**
 * Feedback tickets in the browser (issue 8, spectr's «Обратная связь»): the dealer opens a ticket
 * (a refused form names the field), the manager finds it in the staff list and answers, the dealer
 * is mailed over real SMTP, reads the answer and closes the ticket.
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

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `tickets-${name}.png`), fullPage: true });

async function signIn(slug: string, email: string): Promise<Page> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto("/login");
  await page.locator(`input[name="tenant"][value="${slug}"]`).check();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Пароль").fill(h.password(email));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
  return page;
}

async function mailTo(to: string, subject: RegExp) {
  await expect
    .poll(() => smtp.messages.some((m) => m.envelope.to.includes(to) && subject.test(m.subject)), { timeout: 15_000 })
    .toBe(true);
  return smtp.messages.find((m) => m.envelope.to.includes(to) && subject.test(m.subject));
}

describe("feedback tickets (browser)", () => {
  it("dealer asks, manager answers, the dealer is mailed and closes the ticket", { timeout: 120_000 }, async () => {
    const tenants = h.stack.dataset.tenants as unknown as {
      definition: { slug: string; features: { feedbackTickets?: boolean } };
    }[];
    const tenant = tenants.find((t) => t.definition.features.feedbackTickets);
    if (!tenant) throw new Error("no demo tenant keeps feedback tickets");
    const slug = tenant.definition.slug;
    const dealerEmail = `dealer@${slug}.demo`;

    const dealer = await signIn(slug, dealerEmail);
    await dealer.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Обратная связь" }).click();
    await dealer.waitForURL(/\/support$/);
    await expect.poll(() => dealer.getByText("Тикетов нет.").isVisible()).toBe(true);
    await dealer.getByLabel("Тема").fill("Ок");
    await dealer.getByLabel("Сообщение").fill("Нужны сертификаты соответствия на видеорегистраторы.");
    await dealer.getByRole("button", { name: "Отправить менеджеру" }).click();
    await expect.poll(() => dealer.getByText("Укажите тему (не короче 3 символов)").isVisible()).toBe(true);
    await shot(dealer, "01-dealer-refused");

    await dealer.getByLabel("Тема").fill("Сертификаты на видеорегистраторы");
    await dealer.getByRole("button", { name: "Отправить менеджеру" }).click();
    await dealer.waitForURL(/\/support\/tkt_/);
    await expect
      .poll(() => dealer.getByRole("heading", { level: 1 }).textContent())
      .toBe("Тикет № 1: Сертификаты на видеорегистраторы");
    await shot(dealer, "02-dealer-ticket");

    const manager = await signIn(slug, `manager@${slug}.demo`);
    await manager.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Обратная связь" }).click();
    await manager.waitForURL(/\/staff\/tickets$/);
    const row = manager.getByRole("row", { name: /Сертификаты на видеорегистраторы/ });
    await expect.poll(() => row.count()).toBe(1);
    await shot(manager, "03-staff-list");
    await row.getByRole("link").click();
    await manager.waitForURL(/\/staff\/tickets\/tkt_/);
    await manager.getByLabel("Ответ дилеру").fill("Сертификаты отправила вам на почту.");
    await manager.getByRole("button", { name: "Отправить", exact: true }).click();
    await expect
      .poll(() => manager.getByRole("status").textContent())
      .toBe("Сообщение отправлено, другая сторона получит письмо");
    await shot(manager, "04-staff-answered");

    const mail = await mailTo(dealerEmail, /тикет № 1, новое сообщение/);
    expect(mail?.text).toContain("Сертификаты отправила вам на почту.");

    await dealer.reload();
    await expect.poll(() => dealer.getByText("Сертификаты отправила вам на почту.").isVisible()).toBe(true);
    await dealer.getByRole("button", { name: "Закрыть тикет" }).click();
    await expect.poll(() => dealer.getByRole("status").textContent()).toBe("Тикет закрыт");
    await expect.poll(() => dealer.getByRole("button", { name: "Открыть тикет снова" }).isVisible()).toBe(true);
    await shot(dealer, "05-dealer-closed");
  });
});
