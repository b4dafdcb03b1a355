import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * Checkout values kept on the draft (decision 0021): what the dealer types is saved when a field is
 * left and when the page is left, and the checkout section shows it again on the next visit.
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness();
}, 240_000);

afterAll(async () => {
  await h?.close();
});

interface CheckoutConfig {
  definition: { slug: string; checkout?: Record<string, { mode: string }> };
}

/** A demo tenant whose checkout form shows the consignee and the customer's number (found by its definition). */
function tenantWithConsignee(): string {
  const tenants = h.stack.dataset.tenants as unknown as CheckoutConfig[];
  const t = tenants.find((x) =>
    ["consignee", "customerNumber"].every((k) => (x.definition.checkout?.[k]?.mode ?? "hidden") !== "hidden"),
  );
  if (!t) throw new Error("no demo tenant asks for a consignee");
  return t.definition.slug;
}

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

describe("checkout values on a draft (browser)", () => {
  it("are saved as the dealer leaves a field or the page, and pre-fill the form on the next visit", {
    timeout: 120_000,
  }, async () => {
    const page = await dealerPage(tenantWithConsignee());
    await page.goto("/catalog");
    await page.locator("table.catalog tbody tr").first().getByRole("button", { name: "В заказ" }).click();
    await expect.poll(() => page.locator(".add__ok").first().textContent()).toContain("Добавлено");
    await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Черновик" }).click();
    await page.waitForURL(/\/drafts\//);
    const draftUrl = page.url();
    const form = page.locator("form.checkout");

    // Leaving the field saves it.
    await form.locator("#checkout-consignee").fill("ООО «Склад на Лесной»");
    await page.keyboard.press("Tab");
    await expect
      .poll(() => form.getByRole("status").textContent(), { timeout: 15_000 })
      .toBe("Оформление сохранено в черновике.");
    await form.screenshot({ path: path.join(SHOTS, "draft-checkout-00-saved.png") });
    // Leaving the page right after typing saves it too.
    await form.locator("#checkout-customerNumber").pressSequentially("ЗК-2026-15");
    await page.goto("/catalog");

    await expect
      .poll(
        async () => {
          await page.goto(draftUrl);
          return [
            await form.locator("#checkout-consignee").inputValue(),
            await form.locator("#checkout-customerNumber").inputValue(),
          ];
        },
        { timeout: 20_000 },
      )
      .toEqual(["ООО «Склад на Лесной»", "ЗК-2026-15"]);
    await form.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "draft-checkout-01-prefilled.png"), fullPage: true });
    await page.context().close();
  });
});
