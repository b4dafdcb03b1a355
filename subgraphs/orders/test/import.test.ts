import { readFileSync } from "node:fs";
import { demoTenant } from "@dpp/seed";
import { type Stack, startStack } from "@dpp/testkit/stack";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * Order import through the real gateway, orders, catalog and inventory: files as a dealer
 * sends them (base64 in a variable), the per-row report, nothing saved by a preview, every
 * addable row saved by the commit, and the tenant's sample file.
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const ROW = "line article requested quantity status added message name successors { article }";
const PREVIEW = `... on OrderImportPreview { format headerLine rows { ${ROW} } summary { rows addedRows problemRows positions pieces amount { amount currency } } }
  ... on OrderImportFileError { code message } ... on OrderError { code message }`;
const PREVIEW_Q = `query($i: OrderImportInput!) { orderImportPreview(input: $i) { __typename ${PREVIEW} } }`;
const COMMIT_M = `mutation($i: OrderImportInput!) { importOrderLines(input: $i) { __typename
  ... on OrderImportCommitted { order { id lines { article quantity } totals { positions pieces } } report { summary { addedRows } } }
  ... on OrderImportFileError { code message } ... on OrderError { code message } } }`;

interface Row {
  line: number;
  article: string;
  requested: number | null;
  quantity: number;
  status: string;
  added: boolean;
  message: string;
  name: string | null;
  successors: { article: string }[];
}
interface Preview {
  __typename: string;
  code?: string;
  message?: string;
  format: string;
  headerLine: number | null;
  rows: Row[];
  summary: { rows: number; addedRows: number; problemRows: number; positions: number; pieces: number };
}

const xlsx = async (rows: unknown[][]) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Заказ");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString("base64");
};
const file = (filename: string, contentBase64: string) => ({ filename, contentBase64 });

async function draft(token: string) {
  return (await c.gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }")).createDraft.id;
}
const preview = async (token: string, input: Record<string, unknown>) =>
  (await c.gql<{ orderImportPreview: Preview }>(token, PREVIEW_Q, { i: input })).orderImportPreview;
const lines = async (token: string, id: string) =>
  (
    await c.gql<{ order: { lines: { article: string; quantity: number; unit: string }[] } }>(
      token,
      "query($id: ID!) { order(id: $id) { lines { article quantity unit } } }",
      { id },
    )
  ).order.lines;

describe("keaz: an .xlsx with pack rounding, a discontinued product, repeats and an unknown article", () => {
  it("previews row by row without saving, then commits every addable row", async () => {
    const keaz = demoTenant(stack.dataset, "keaz");
    const stockOf = (id: string) => keaz.stock.filter((s) => s.productId === id).reduce((a, s) => a + s.quantity, 0);
    const packed = keaz.products.find(
      (p) => p.packMultiple > 2 && !p.discontinued && p.minQuantity <= p.packMultiple && stockOf(p.id) > 0,
    );
    const old = keaz.products.find(
      (p) =>
        p.discontinued && Math.floor(stockOf(p.id) / p.packMultiple) * p.packMultiple >= Math.max(1, p.minQuantity),
    );
    if (!packed || !old) throw new Error("keaz demo data lacks a packed or a discontinued product");
    const token = await c.login("dealer@keaz.demo", "keaz");
    const available = (
      await c.gql<{ productsByArticles: { availableQuantity: number }[] }>(
        token,
        "query($a: [String!]!) { productsByArticles(articles: $a) { availableQuantity } }",
        { a: [old.article] },
      )
    ).productsByArticles[0]?.availableQuantity as number;
    const oldFits = Math.floor(available / old.packMultiple) * old.packMultiple;
    expect(oldFits).toBeGreaterThanOrEqual(Math.max(1, old.minQuantity));
    const orderId = await draft(token);
    const content = await xlsx([
      ["Артикул", "Количество", "Примечание"],
      [packed.article, packed.packMultiple + 1, "не кратно упаковке"],
      [old.article, available + 10 * old.packMultiple],
      ["НЕТ-ТАКОГО", 1],
      [packed.article, String(packed.packMultiple), "повтор, число текстом"],
      [packed.article, "два"],
    ]);
    const input = { orderId, file: file("заказ.xlsx", content) };

    const p = await preview(token, input);
    expect(p.__typename).toBe("OrderImportPreview");
    expect(p.format).toBe("xlsx");
    expect(p.headerLine).toBe(1);
    const sum = 2 * packed.packMultiple + 1;
    const rounded = Math.ceil(sum / packed.packMultiple) * packed.packMultiple;
    expect(p.rows.map((r) => [r.line, r.status, r.quantity])).toEqual([
      [2, "ROUNDED_TO_PACK", rounded],
      [3, "DISCONTINUED_PARTIAL", oldFits],
      [4, "UNKNOWN_ARTICLE", 0],
      [5, "DUPLICATE_MERGED", 0],
      [6, "BAD_QUANTITY", 0],
    ]);
    expect(p.rows[0]?.message).toBe(
      `Количество ${sum} округлено до ${rounded} — упаковка по ${packed.packMultiple} шт.`,
    );
    expect(p.rows[1]?.successors.map((s) => s.article)).toEqual(old.successors);
    expect(p.rows[1]?.message).toContain(`Снят с производства: добавлено ${oldFits} шт. (остаток)`);
    expect(p.rows[2]?.message).toBe(
      "Артикул «НЕТ-ТАКОГО» не найден в каталоге (регистр букв и ведущие нули имеют значение).",
    );
    expect(p.rows[3]?.message).toBe(`Повтор артикула из строки 2: количества сложены (всего ${sum} шт.).`);
    expect(p.rows[4]?.message).toBe("Количество «два» — не число: укажите целое число штук.");
    expect(p.summary).toMatchObject({ rows: 5, addedRows: 2, problemRows: 2, positions: 2, pieces: rounded + oldFits });
    expect(await lines(token, orderId)).toEqual([]);

    const done = await c.gql<{
      importOrderLines: { __typename: string; order: { lines: { article: string; quantity: number }[] } };
    }>(token, COMMIT_M, { i: input });
    expect(done.importOrderLines.__typename).toBe("OrderImportCommitted");
    expect(done.importOrderLines.order.lines).toEqual([
      { article: packed.article, quantity: rounded },
      { article: old.article, quantity: oldFits },
    ]);

    // Again: the product already on the draft gets more; the discontinued one has no stock left for it.
    const again = await preview(token, input);
    expect(again.rows.slice(0, 2).map((r) => [r.status, r.quantity])).toEqual([
      ["ROUNDED_TO_PACK", rounded],
      ["DISCONTINUED", 0],
    ]);
    await c.gql(token, COMMIT_M, { i: input });
    expect(await lines(token, orderId)).toEqual([
      { article: packed.article, quantity: 2 * rounded, unit: packed.unit },
      { article: old.article, quantity: oldFits, unit: old.unit },
    ]);
  });
});

describe("vitup: a paste from 1C keeps leading zeros and case", () => {
  it("adds exactly the articles written", async () => {
    const token = await c.login("dealer@vitup.demo", "vitup");
    const vitup = demoTenant(stack.dataset, "vitup");
    // Stocked enough that the tenant's order-up-to-stock rule changes nothing here.
    const stocked = (id: string) =>
      vitup.stock.filter((s) => s.productId === id).reduce((a, s) => a + s.quantity, 0) >= 3;
    const zero = vitup.products.find((p) => /^0\d+$/.test(p.article) && stocked(p.id));
    const byArticle = new Map(vitup.products.map((p) => [p.article, p]));
    // The demo catalog has articles that differ only in case (a100 and A100): different products.
    const lower = vitup.products.find((p) => {
      const upper = byArticle.get(p.article.toUpperCase());
      return p.article !== upper?.article && upper && stocked(p.id) && stocked(upper.id);
    });
    if (!zero || !lower) throw new Error("vitup demo data lacks the articles this test needs");
    const upper = byArticle.get(lower.article.toUpperCase());
    const orderId = await draft(token);
    const paste = `Артикул;Кол-во\n${zero.article};3\n${zero.article.replace(/^0+/, "")};1\n${upper?.article};1\n${lower.article};2\n`;
    const p = await preview(token, { orderId, paste });
    expect(p.format).toBe("paste");
    expect(p.rows.map((r) => [r.article, r.status, r.name])).toEqual([
      [zero.article, "ADDED", zero.name],
      [zero.article.replace(/^0+/, ""), "UNKNOWN_ARTICLE", null],
      [upper?.article, "ADDED", upper?.name],
      [lower.article, "ADDED", lower.name],
    ]);
    const done = await c.gql<{ importOrderLines: { order: { lines: unknown[] } } }>(token, COMMIT_M, {
      i: { orderId, paste },
    });
    expect(done.importOrderLines.order.lines).toEqual([
      { article: zero.article, quantity: 3 },
      { article: upper?.article, quantity: 1 },
      { article: lower.article, quantity: 2 },
    ]);
  });
});

describe("vitup: orders up to stock (features.orderUpToStock)", () => {
  it("adds only the available quantity and says so", async () => {
    const vitup = demoTenant(stack.dataset, "vitup");
    expect(vitup.definition.features.orderUpToStock).toBe(true);
    const stockOf = (id: string) => vitup.stock.filter((s) => s.productId === id).reduce((a, s) => a + s.quantity, 0);
    const token = await c.login("dealer@vitup.demo", "vitup");
    // vitup keeps one draft per dealer: take products it does not hold yet.
    const orderId = await draft(token);
    const held = new Set((await lines(token, orderId)).map((l) => l.article));
    const fresh = vitup.products.filter((p) => !held.has(p.article));
    const some = fresh.find((p) => stockOf(p.id) > 0 && p.minQuantity <= 1);
    const none = fresh.find((p) => stockOf(p.id) === 0);
    if (!some || !none) throw new Error("vitup demo data lacks stocked and unstocked products");
    // What the dealer sees as available (on hand minus reserved), through the gateway.
    const seen = await c.gql<{ productsByArticles: { availableQuantity: number }[] }>(
      token,
      "query($a: [String!]!) { productsByArticles(articles: $a) { availableQuantity } }",
      { a: [some.article] },
    );
    const available = seen.productsByArticles[0]?.availableQuantity ?? 0;
    expect(available).toBeGreaterThan(0);
    const p = await preview(token, { orderId, paste: `${some.article}\t${available + 5}\n${none.article}\t2\n` });
    expect(p.rows.map((r) => [r.status, r.quantity, r.message])).toEqual([
      ["SHORT_STOCK", available, `На складе только ${available} шт.: добавлено ${available} из ${available + 5}.`],
      ["OUT_OF_STOCK", 0, "Нет в наличии (доступно 0 шт.): не добавлено."],
    ]);
  });
});

describe("whole-file problems and refusals: a typed answer, nothing saved", () => {
  it("names a password-protected file, an .xls of unknown articles, a missing source and a submitted order", async () => {
    const token = await c.login("dealer@wasserkraft.demo", "wasserkraft");
    const orderId = await draft(token);
    const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url)).toString("base64");

    expect(await preview(token, { orderId, file: file("заказ.xlsx", fixture("password-protected.xlsx")) })).toEqual({
      __typename: "OrderImportFileError",
      code: "FILE_ENCRYPTED",
      message: "Файл «заказ.xlsx» защищён паролем: снимите пароль в Excel и загрузите снова.",
    });
    const xls = await preview(token, { orderId, file: file("старый.xls", fixture("edge-cases.xls")) });
    expect(xls.format).toBe("xls");
    expect(xls.rows.map((r) => r.status)).toEqual([
      "UNKNOWN_ARTICLE",
      "DUPLICATE_MERGED",
      "UNKNOWN_ARTICLE",
      "UNKNOWN_ARTICLE",
      "UNKNOWN_ARTICLE",
      "MERGED_CELL",
      "BAD_QUANTITY",
      "DUPLICATE_MERGED",
      "MISSING_ARTICLE",
    ]);
    const nothing = await c.gql<{ importOrderLines: { code: string } }>(token, COMMIT_M, {
      i: { orderId, file: file("старый.xls", fixture("edge-cases.xls")) },
    });
    expect(nothing.importOrderLines.code).toBe("NOTHING_TO_ADD");
    expect(await preview(token, { orderId })).toMatchObject({ __typename: "OrderImportFileError", code: "NO_SOURCE" });
    expect(await lines(token, orderId)).toEqual([]);

    const submitted = await c.submitted(token, "wasserkraft");
    expect(await preview(token, { orderId: submitted.id, paste: "1062L\t1" })).toMatchObject({
      __typename: "OrderError",
      code: "NOT_A_DRAFT",
    });
  });
});

describe("the tenant's sample file", () => {
  it("is an .xlsx of the tenant's own articles that imports as it is", async () => {
    const token = await c.login("dealer@autoparts.demo", "autoparts");
    const s = (
      await c.gql<{ orderImportSample: { filename: string; contentType: string; contentBase64: string } }>(
        token,
        "{ orderImportSample { filename contentType contentBase64 } }",
      )
    ).orderImportSample;
    expect(s.filename).toBe("Образец для импорта заказа.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(s.contentBase64, "base64") as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1, 3));
    const articles = new Set(demoTenant(stack.dataset, "autoparts").products.map((p) => p.article));
    expect(values[0]).toEqual(["Артикул", "Количество"]);
    expect(values.length).toBe(4);
    for (const [article] of values.slice(1)) expect(articles.has(String(article))).toBe(true);

    const p = await preview(token, { orderId: await draft(token), file: file(s.filename, s.contentBase64) });
    expect(p.rows.every((r) => r.added)).toBe(true);
  });
});
