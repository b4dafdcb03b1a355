import type { Actor } from "@dpp/auth";
import { callSubgraph, dealerActor, TEST_INTERNAL_SECRET } from "@dpp/testkit";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InventoryFixture, startInventory } from "./fixture.ts";

const T = "ten_dist";
const OFF = "ten_nodist";
const distributor = dealerActor(T, "cmp_dist", "usr_dist");
const otherDistributor = dealerActor(T, "cmp_other", "usr_other");
let fx: InventoryFixture;

beforeAll(async () => {
  fx = await startInventory([
    {
      id: T,
      features: { stockDisplay: { mode: "exact" }, distributorNetwork: true },
      warehouses: [],
      stock: [],
      products: [
        { id: "prd_1", article: "0983" },
        { id: "prd_2", article: "BM63-1" },
      ],
    },
    { id: OFF, features: { stockDisplay: { mode: "exact" } }, warehouses: [], stock: [], products: [] },
  ]);
});
afterAll(async () => fx?.stop());

const gql = <T>(actor: Actor, query: string, variables?: Record<string, unknown>) =>
  callSubgraph<T>(fx.url, TEST_INTERNAL_SECRET, actor, query, variables);
const file = (fileName: string, bytes: Buffer | string) => ({
  fileName,
  contentBase64: Buffer.from(bytes).toString("base64"),
});

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Лист1");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Report = {
  applied: boolean;
  rows: number;
  changed: number;
  errors: { row: number; code: string; message: string }[];
};
const UPLOAD = `mutation($file: UploadedFileInput!) { uploadDistributorStock(file: $file) { applied rows changed errors { row code message } } }`;
const OFFERS = `{ _entities(representations: [{ __typename: "Product", id: "prd_1" }]) { ... on Product {
  distributorStock { name address contacts quantity link uploadedAt } } } }`;

describe("distributor network", () => {
  it("is NOT_AVAILABLE where the tenant keeps no distributor network, and nothing is saved", async () => {
    const dealer = dealerActor(OFF, "cmp_x", "usr_x");
    const calls = [
      `mutation { saveDistributorWarehouses(rows: [{ code: "D1", name: "С", address: "А", contacts: "К" }]) { applied } }`,
      `mutation { setDistributorStock(rows: [{ warehouseCode: "D1", article: "A", quantity: 1 }]) { applied } }`,
      "mutation { deleteDistributorStock }",
      "{ distributorWarehouses { code } }",
    ];
    for (const query of calls) {
      const res = await gql(dealer, query);
      expect(res.errors?.[0]).toMatchObject({
        message: "Поставщик не ведет сеть дистрибьюторов",
        extensions: { code: "NOT_AVAILABLE" },
      });
    }
  });

  it("keeps warehouses by hand and from Excel, upserting by code; bad rows are named", async () => {
    const byHand = await gql<{ saveDistributorWarehouses: { applied: boolean; saved: number } }>(
      distributor,
      `mutation($rows: [DistributorWarehouseInput!]!) { saveDistributorWarehouses(rows: $rows) { applied saved } }`,
      { rows: [{ code: "D1", name: "Склад Электро", address: "Тула, ул. Ленина, 1", contacts: "+7 4872 00-00-00" }] },
    );
    expect(byHand.data?.saveDistributorWarehouses).toEqual({ applied: true, saved: 1 });
    const IMPORT = `mutation($file: UploadedFileInput!) { importDistributorWarehouses(file: $file) { applied rows saved errors { row message } } }`;
    const bad = await gql<{ importDistributorWarehouses: unknown }>(distributor, IMPORT, {
      file: file(
        "sklady.xlsx",
        await xlsx([
          ["Код склада", "Название", "Адрес", "Контакты"],
          ["D2", "", "Орёл", "-"],
          ["D3", "Орёл-2", "Орёл", "-"],
          ["D3", "Дубль", "Орёл", "-"],
        ]),
      ),
    });
    expect(bad.data?.importDistributorWarehouses).toEqual({
      applied: false,
      rows: 3,
      saved: 0,
      errors: [
        { row: 2, message: "Не указано название склада" },
        { row: 4, message: "Код склада «D3» уже был в строке 3" },
      ],
    });
    const good = await gql<{ importDistributorWarehouses: { applied: boolean; saved: number } }>(distributor, IMPORT, {
      file: file(
        "sklady.xlsx",
        await xlsx([
          ["Код склада", "Название", "Адрес", "Контакты"],
          ["D1", "Склад Электро (Тула)", "Тула, ул. Ленина, 1", "tula@dist.example"],
          ["D2", "Склад Орёл", "Орёл, пр. Мира, 5", "orel@dist.example"],
        ]),
      ),
    });
    expect(good.data?.importDistributorWarehouses).toMatchObject({ applied: true, saved: 2 });
    const list = await gql<{ distributorWarehouses: { code: string; name: string }[] }>(
      distributor,
      "{ distributorWarehouses { code name } }",
    );
    expect(list.data?.distributorWarehouses).toEqual([
      { code: "D1", name: "Склад Электро (Тула)" },
      { code: "D2", name: "Склад Орёл" },
    ]);
    const other = await gql<{ distributorWarehouses: unknown[] }>(
      otherDistributor,
      "{ distributorWarehouses { code } }",
    );
    expect(other.data?.distributorWarehouses).toEqual([]);
  });

  it("a CSV upload replaces the stock; the product card shows it", async () => {
    const csv =
      "Код склада;Артикул;Количество;Ссылка\nD1;0983;12;https://dist.example/0983\nD2;0983;0;\nD2;BM63-1;5;\n";
    const res = await gql<{ uploadDistributorStock: Report }>(distributor, UPLOAD, { file: file("ostatki.csv", csv) });
    expect(res.data?.uploadDistributorStock).toEqual({ applied: true, rows: 3, changed: 3, errors: [] });
    const offers = await gql<{ _entities: { distributorStock: Record<string, unknown>[] }[] }>(dealerActor(T), OFFERS);
    expect(offers.data?._entities[0]?.distributorStock).toEqual([
      {
        name: "Склад Электро (Тула)",
        address: "Тула, ул. Ленина, 1",
        contacts: "tula@dist.example",
        quantity: 12,
        link: "https://dist.example/0983",
        uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
  });

  it("a bad file names every bad row and leaves the previous stock untouched", async () => {
    const bytes = await xlsx([
      ["Код склада", "Артикул", "Количество", "Ссылка"],
      ["D1", "0983", 7],
      ["D9", "0983", 1],
      ["D1", "983", 1],
      ["D2", "BM63-1", -2],
      ["D1", "0983", 3],
      ["D2", "0983", 1, "ftp://x"],
    ]);
    const res = await gql<{ uploadDistributorStock: Report }>(distributor, UPLOAD, {
      file: file("ostatki.xlsx", bytes),
    });
    expect(res.data?.uploadDistributorStock).toEqual({
      applied: false,
      rows: 6,
      changed: 0,
      errors: [
        { row: 3, code: "UNKNOWN_WAREHOUSE", message: "Нет склада с кодом «D9»" },
        { row: 4, code: "UNKNOWN_ARTICLE", message: "Нет товара с артикулом «983»" },
        { row: 5, code: "NEGATIVE_QUANTITY", message: "Количество должно быть целым и не меньше 0: -2" },
        { row: 6, code: "DUPLICATE_ROW", message: "Склад «D1» и артикул «0983» уже были в строке 2" },
        { row: 7, code: "INVALID_LINK", message: "Ссылка должна начинаться с http:// или https://: ftp://x" },
      ],
    });
    const offers = await gql<{ _entities: { distributorStock: { quantity: number }[] }[] }>(dealerActor(T), OFFERS);
    expect(offers.data?._entities[0]?.distributorStock.map((o) => o.quantity)).toEqual([12]);
    const garbage = await gql(distributor, UPLOAD, { file: file("ostatki.xlsx", "not a zip") });
    expect(garbage.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const pdf = await gql(distributor, UPLOAD, { file: file("ostatki.pdf", "%PDF") });
    expect(pdf.errors?.[0]?.message).toBe("Поддерживаются файлы .xlsx и .csv, а не «ostatki.pdf»");
  });

  it("exports to Excel (read back), replaces through the API, deletes all", async () => {
    const exp = await gql<{ distributorStockExport: { fileName: string; contentBase64: string } }>(
      distributor,
      "{ distributorStockExport { fileName contentBase64 } }",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      Buffer.from(exp.data?.distributorStockExport.contentBase64 ?? "", "base64") as unknown as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    book.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1, 5)));
    expect(rows).toEqual([
      ["Код склада", "Артикул", "Количество", "Ссылка"],
      ["D1", "0983", 12, "https://dist.example/0983"],
      ["D2", "0983", 0, ""],
      ["D2", "BM63-1", 5, ""],
    ]);
    const api = await gql<{ setDistributorStock: Report }>(
      distributor,
      `mutation($rows: [DistributorStockRowInput!]!) { setDistributorStock(rows: $rows) { applied changed } }`,
      { rows: [{ warehouseCode: "D2", article: "0983", quantity: 4 }] },
    );
    expect(api.data?.setDistributorStock).toEqual({ applied: true, changed: 1 });
    const offers = await gql<{ _entities: { distributorStock: { name: string; quantity: number }[] }[] }>(
      dealerActor(T),
      OFFERS,
    );
    expect(offers.data?._entities[0]?.distributorStock.map((o) => [o.name, o.quantity])).toEqual([["Склад Орёл", 4]]);
    const del = await gql<{ deleteDistributorStock: number }>(distributor, "mutation { deleteDistributorStock }");
    expect(del.data?.deleteDistributorStock).toBe(1);
    const none = await gql<{ _entities: { distributorStock: unknown[] }[] }>(dealerActor(T), OFFERS);
    expect(none.data?._entities[0]?.distributorStock).toEqual([]);
  });

  it("needs a dealer company: staff without one are refused", async () => {
    const res = await gql(dealerActor(T, null), "{ distributorWarehouses { code } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
