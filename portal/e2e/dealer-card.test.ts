import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * The dealer card for the supplier's staff (issue 8): from an order in the queue to the dealer's
 * company, legal entities, logins and rights, personal manager, contracts and balance (finance),
 * discounts (catalog), recent orders (orders) and history (identity); a dealer is refused the page.
 */
let h: Harness;

beforeAll(async () => {
  h = await startPortalHarness();
}, 240_000);

afterAll(async () => {
  await h?.close();
});

interface Dataset {
  users: { id: string; email: string }[];
  memberships: { userId: string; tenantId: string; companyId: string | null }[];
  companies: { id: string; name: string; counterparties: { inn: string }[] }[];
  tenants: { id: string; definition: { slug: string }; contracts: { companyId: string; number: string }[] }[];
}

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

describe("dealer card (browser)", () => {
  it("shows a dealer's company, users, money, discounts, orders and history; dealers are refused", {
    timeout: 120_000,
  }, async () => {
    const data = h.stack.dataset as unknown as Dataset;
    // A tenant whose demo dealer has a contract, so the money part has something to show.
    const tenant = data.tenants.find((t) => t.contracts.length > 0);
    if (!tenant) throw new Error("no demo tenant with contracts");
    const slug = tenant.definition.slug;
    const dealer = data.users.find((u) => u.email === `dealer@${slug}.demo`);
    const companyId = data.memberships.find((m) => m.userId === dealer?.id && m.tenantId === tenant.id)?.companyId;
    const company = data.companies.find((c) => c.id === companyId);
    const contract = tenant.contracts.find((c) => c.companyId === companyId);
    if (!company || !contract) throw new Error("the demo dealer has no company or contract");

    const manager = await signIn(slug, `manager@${slug}.demo`);
    await manager.goto(`/staff/dealers/${company.id}`);
    await expect.poll(() => manager.getByRole("heading", { level: 1 }).textContent()).toBe(company.name);
    const section = (name: string) => manager.getByRole("region", { name });
    await expect.poll(() => section("Контрагенты").textContent()).toContain(company.counterparties[0]?.inn ?? "?");
    await expect.poll(() => section("Пользователи и права").textContent()).toContain(`dealer@${slug}.demo`);
    await expect.poll(() => section("Договоры и расчеты").textContent()).toContain(`№ ${contract.number}`);
    await expect.poll(() => manager.getByText("Персональный менеджер").isVisible()).toBe(true);
    for (const name of ["Скидки по ценовым группам", "Последние заказы", "История"])
      await expect.poll(() => section(name).isVisible()).toBe(true);
    await manager.screenshot({ path: path.join(SHOTS, "dealer-card-01-manager.png"), fullPage: true });

    const asDealer = await signIn(slug, `dealer@${slug}.demo`);
    const res = await asDealer.goto(`/staff/dealers/${company.id}`);
    expect(res?.status()).toBe(403);
  });
});
