import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Checkout in the browser (issue 5 §4): the draft page shows exactly the tenant's checkout fields.
 * wasserkraft: the required «Я проверил содержимое заказа» box, its error next to it, ticked from
 * the keyboard. vitup: the delivery address asked on the first order and offered on the next.
 * keaz: the header's draft switcher (several drafts).
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness();
}, 240_000);

afterAll(async () => {
  await h?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `checkout-${name}.png`), fullPage: true });
const text = (l: Locator) => expect.poll(() => l.first().textContent(), { timeout: 15_000 });

interface CheckoutConfig {
  definition: { checkout: Record<string, { mode: string; label?: string }> };
}
const labelOf = (slug: string, key: string) => h.tenant<CheckoutConfig>(slug).definition.checkout[key]?.label;

async function dealerPage(slug: string): Promise<Page> {
  const email = `dealer@${slug}.demo`;
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

/** Puts the catalog's first product in the active draft and opens the draft. */
async function draftWithProduct(page: Page) {
  await page.goto("/catalog");
  await page.locator("table.catalog tbody tr").first().getByRole("button", { name: "В заказ" }).click();
  await text(page.locator(".add__ok")).toContain("Добавлено");
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Черновик" }).click();
  await page.waitForURL(/\/drafts\//);
  await expect.poll(() => page.getByRole("heading", { name: "Оформление заказа" }).count()).toBe(1);
}

const checkout = (page: Page) => page.locator("form.checkout");

describe("checkout (browser)", () => {
  it("wasserkraft: the «I have checked the order» box is required, its error is next to it, the keyboard ticks it", {
    timeout: 120_000,
  }, async () => {
    const page = await dealerPage("wasserkraft");
    await draftWithProduct(page);
    const box = labelOf("wasserkraft", "confirmation") ?? "";
    expect(box).toBe("Я проверил содержимое заказа");
    // Exactly the tenant's fields: the message (its comment label), the number, the box — no address, no warehouse.
    await expect
      .poll(() =>
        checkout(page)
          .getByLabel(labelOf("wasserkraft", "comment") ?? "")
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        checkout(page)
          .getByLabel(/Адрес доставки/)
          .count(),
      )
      .toBe(0);
    await expect.poll(() => checkout(page).getByLabel(/Склад/).count()).toBe(0);

    await checkout(page)
      .getByLabel(labelOf("wasserkraft", "comment") ?? "")
      .fill("Отгрузить до пятницы");
    await page.getByRole("button", { name: "Отправить заказ" }).click();
    const error = page.locator("#checkout-confirmation-error");
    await text(error).toBe("Подтвердите: я проверил содержимое заказа.");
    const boxInput = checkout(page).getByLabel(box);
    await expect.poll(() => boxInput.getAttribute("aria-describedby")).toBe("checkout-confirmation-error");
    await shot(page, "01-wasserkraft-unchecked");

    await boxInput.focus();
    await page.keyboard.press("Space");
    await expect.poll(() => boxInput.isChecked()).toBe(true);
    await shot(page, "02-wasserkraft-checked");
    await page.getByRole("button", { name: "Отправить заказ" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/orders$/);
    await text(page.getByRole("status")).toMatch(/Заказ № \S+ отправлен/);
  });

  it("vitup: the address is asked on the first order, then offered and reused", { timeout: 120_000 }, async () => {
    const page = await dealerPage("vitup");
    await draftWithProduct(page);
    const address = checkout(page).getByLabel(/Адрес доставки/);
    await expect.poll(() => address.count()).toBe(1);
    await page.getByRole("button", { name: "Отправить заказ" }).click();
    await text(page.locator("#checkout-deliveryAddress-error")).toBe("Заполните поле «Адрес доставки».");
    await shot(page, "03-vitup-first-order");
    await address.fill("Москва, ул. Тверская, 7, магазин «У дома»");
    await page.getByRole("button", { name: "Отправить заказ" }).click();
    await page.waitForURL(/\/orders$/);
    await text(page.getByRole("status")).toMatch(/Заказ № \S+ отправлен/);

    await draftWithProduct(page);
    const saved = checkout(page).getByRole("radio", { name: "Москва, ул. Тверская, 7, магазин «У дома»" });
    await expect.poll(() => saved.isChecked()).toBe(true);
    await shot(page, "04-vitup-second-order");
    await page.getByRole("button", { name: "Отправить заказ" }).click();
    await page.waitForURL(/\/orders$/);
    await page.locator("table.orders tbody tr").first().getByRole("link").first().click();
    await page.waitForURL(/\/orders\/ord_/);
    const summary = page.getByRole("region", { name: "Оформление" });
    await text(summary).toContain("Москва, ул. Тверская, 7, магазин «У дома»");
    await shot(page, "05-vitup-order");
  });

  it("keaz: the header switches the active draft and starts a new one", { timeout: 120_000 }, async () => {
    const page = await dealerPage("keaz");
    await draftWithProduct(page);
    const first = page.url();
    await page.getByRole("button", { name: "Новый черновик" }).click();
    await page.waitForURL((u) => /\/drafts\//.test(u.pathname) && u.href !== first);
    await expect.poll(() => page.locator("table.lines tbody tr").count()).toBe(0);
    const select = page.getByLabel("Активный черновик");
    const firstId = first.split("/drafts/")[1] ?? "";
    await select.selectOption(firstId);
    await shot(page, "06-keaz-switcher");
    await page.getByRole("button", { name: "Сделать активным" }).click();
    await page.waitForURL(new RegExp(`/drafts/${firstId}$`));
    await expect.poll(() => page.locator("table.lines tbody tr").count()).toBe(1);
    // keaz's form: the buyer, its own label for the customer's number, delivery and payment.
    await expect
      .poll(() =>
        checkout(page)
          .getByLabel(labelOf("keaz", "customerNumber") ?? "")
          .count(),
      )
      .toBe(1);
    await expect.poll(() => checkout(page).getByRole("radio", { name: "Самовывоз" }).isChecked()).toBe(true);
    await shot(page, "07-keaz-checkout");
  });
});
