import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import type { Browser } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, SHOTS, startPortalHarness } from "./harness.ts";

/**
 * The webhooks page (issue 9): a dealer admin subscribes their ERP's URL, sees the secret once,
 * an event of the tenant reaches a real HTTP receiver, the delivery log shows it, and it is sent
 * again by hand.
 */
let h: Harness;
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const received: { id: string; body: string }[] = [];

beforeAll(async () => {
  const app = express();
  app.post("/erp/hooks", express.text({ type: "*/*" }), (req, res) => {
    received.push({ id: String(req.headers["webhook-id"]), body: req.body as string });
    res.status(204).end();
  });
  receiver = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp/hooks`;
  h = await startPortalHarness();
  browser = h.browser;
}, 240_000);

afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
});

it("a dealer admin subscribes, sees the secret once, and follows deliveries in the log", async () => {
  const context = await browser.newContext({
    baseURL: h.baseUrl,
    locale: "ru-RU",
    viewport: { width: 1360, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto("/login?tenant=keaz");
  await page.getByLabel("E-mail").fill("dealer@keaz.demo");
  await page.getByLabel("Пароль", { exact: true }).fill(h.password("dealer@keaz.demo"));
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL(/\/catalog/);
  await page.getByRole("navigation", { name: "Разделы" }).getByRole("link", { name: "Вебхуки" }).click();
  await page.waitForURL(/\/account\/webhooks/);

  // Nothing chosen: errors per field, next to the fields.
  await page.getByLabel("Адрес (URL) вашей системы").fill("ftp://erp.example.ru");
  await page.getByRole("button", { name: "Подписаться" }).click();
  await expect
    .poll(() => page.locator(".field__error").allTextContents(), { timeout: 10_000 })
    .toEqual(["Адрес должен начинаться с https:// или http://", "Выберите хотя бы одно событие"]);

  await page.getByLabel("Адрес (URL) вашей системы").fill(receiverUrl);
  await page.getByLabel(/Остаток товара ниже порога/).check();
  await page.getByLabel(/Статус заказа изменён/).check();
  await page.getByRole("button", { name: "Подписаться" }).click();
  const secret = await page.getByTestId("webhook-secret").textContent();
  expect(secret).toMatch(/^whsec_/);
  await expect.poll(() => page.locator("table").first().textContent(), { timeout: 10_000 }).toContain(receiverUrl);

  // The supplier's stock runs low: an event in the inventory outbox, delivered by the worker.
  const tenantId = h.tenant<{ id: string }>("keaz").id;
  const sql = postgres(h.stack.db.appUrl, { max: 1, onnotice: () => {} });
  await sql.begin(async (tx) => {
    await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
    await tx`insert into inventory.outbox (tenant_id, id, topic, payload) values (${tenantId}, 'evt_portal_1', 'stock.low',
      ${tx.json({ productId: "prd_keaz_0001", article: "ВА47-29", warehouseId: "whs_keaz_main", quantity: 2 })})`;
  });
  await sql.end();
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
  expect(JSON.parse(received[0]?.body ?? "{}")).toMatchObject({ type: "stock.low", data: { quantity: 2 } });

  await page.reload();
  const log = page.getByRole("region", { name: "Журнал доставки" });
  const row = log.locator("tbody tr").first();
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("доставлено");
  expect(await row.textContent()).toContain("Остаток товара ниже порога");
  expect(await row.textContent()).toContain("204");
  expect(await row.textContent()).toContain("1 из 8");
  await page.screenshot({ path: path.join(SHOTS, "40-webhooks.png"), fullPage: true });

  await row.getByRole("button", { name: /Отправить ещё раз/ }).click();
  await expect
    .poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 })
    .toContain("поставлена в очередь повторно");
  await expect.poll(() => received.length, { timeout: 15_000 }).toBe(2);
  expect(received[1]?.id).toBe(received[0]?.id);

  // Keyboard: pausing works from the keyboard alone.
  const pause = page.getByRole("button", { name: /Приостановить/ });
  await expect.poll(() => pause.isEnabled(), { timeout: 10_000 }).toBe(true);
  await pause.press("Enter");
  await expect
    .poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 })
    .toContain("приостановлена");
  await expect.poll(() => page.locator("table").first().textContent(), { timeout: 10_000 }).toContain("Возобновить");
  await context.close();
}, 120_000);
