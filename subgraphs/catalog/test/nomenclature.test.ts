import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const p = (id: string, article: string, name: string, priceGroup: string, basePrice: number) => ({
    id,
    article,
    name,
    priceGroup,
    basePrice,
  });
  await seedCatalog(admin.db, [
    {
      id: "ten_n",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [
        p("prd_1", "0983", "Полка стеклянная", "A", 100000),
        { ...p("prd_2", "326794", "Выключатель", "B", 28100), discontinued: true, successors: ["0983"] },
      ],
      discounts: [{ companyId: "cmp_1", priceGroup: "A", percentBp: 1250, validFrom: "2020-01-01", validUntil: null }],
    },
    {
      id: "ten_o",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [p("prd_x", "X1", "Чужой", "A", 1)],
      discounts: [],
    },
  ]);
  await admin.stop();
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const l = await listen(server.app, 0);
  url = `${l.url}/graphql`;
  stop = async () => {
    await l.close();
    await server.stop();
    await db.drop();
  };
});

afterAll(async () => {
  await stop?.();
});

const FILE = `{ nomenclatureFile { fileName contentType rows contentBase64 } }`;
const withRight = (permissions: string[]): Actor => ({
  kind: "user",
  userId: "usr_n",
  tenantId: "ten_n",
  companyId: "cmp_1",
  roles: ["dealer"],
  permissions,
});

describe("nomenclature file", () => {
  it("is refused without the nomenclature.file right", async () => {
    const res = await callSubgraph(url, TEST_INTERNAL_SECRET, withRight(["orders.send"]), FILE);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("is the tenant's catalog with the dealer's prices, as a real XLSX", async () => {
    const res = await callSubgraph<{
      nomenclatureFile: { fileName: string; contentType: string; rows: number; contentBase64: string };
    }>(url, TEST_INTERNAL_SECRET, withRight(["nomenclature.file"]), FILE);
    expect(res.errors).toBeUndefined();
    const f = res.data?.nomenclatureFile;
    expect(f).toMatchObject({ fileName: "nomenclature.xlsx", rows: 2 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f?.contentBase64 ?? "", "base64") as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Номенклатура");
    const rows = (sheet?.getSheetValues() ?? []).slice(1).map((r) => (Array.isArray(r) ? r.slice(1, 18) : []));
    expect(rows[0]?.slice(0, 2)).toEqual(["Артикул", "Наименование"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[8], r[9], r[10], r[15], r[16]])).toEqual([
      ["0983", "Полка стеклянная", 1000, 875, 12.5, "", ""],
      ["326794", "Выключатель", 281, 281, 0, "да", "0983"],
    ]);
  });
});
