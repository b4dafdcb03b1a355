import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

const manager: Actor = {
  kind: "user",
  userId: "usr_mgr",
  tenantId: "ten_d",
  companyId: null,
  roles: ["manager"],
  permissions: [],
};

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedCatalog(admin.db, [
    {
      id: "ten_d",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [],
      discounts: [
        { companyId: "cmp_1", priceGroup: "A", percentBp: 1000, validFrom: "2026-01-01", validUntil: "2026-06-30" },
      ],
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

const IMPORT = `mutation($input: ImportDiscountsInput!) {
  importDiscounts(input: $input) { saved created updated unchanged rejected rows { row companyId priceGroup status errors } }
}`;

async function run(rows: unknown[], partial?: boolean, actor: Actor = manager) {
  return callSubgraph<{ importDiscounts: Record<string, unknown> }>(url, TEST_INTERNAL_SECRET, actor, IMPORT, {
    input: { rows, ...(partial === undefined ? {} : { partial }) },
  });
}

const mine = async () => {
  const res = await callSubgraph<{
    myDiscounts: { priceGroup: string; discountPercent: number; validFrom: string; validUntil: string | null }[];
  }>(
    url,
    TEST_INTERNAL_SECRET,
    dealerActor("ten_d", "cmp_1"),
    `{ myDiscounts { priceGroup discountPercent validFrom validUntil } }`,
  );
  return res.data?.myDiscounts.map((d) => `${d.priceGroup} ${d.discountPercent} ${d.validFrom}..${d.validUntil ?? ""}`);
};

const next = { companyId: "cmp_1", priceGroup: "A", percent: 12.5, validFrom: "2026-07-01", validUntil: null };
const overlapping = {
  companyId: "cmp_1",
  priceGroup: "A",
  percent: 15,
  validFrom: "2026-06-01",
  validUntil: "2026-12-31",
};

describe("importDiscounts", () => {
  it("refuses a dealer", async () => {
    const res = await run([next], false, dealerActor("ten_d", "cmp_1"));
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("names an overlapping period per row and saves nothing", async () => {
    const res = await run([next, overlapping]);
    expect(res.data?.importDiscounts).toEqual({
      saved: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      rows: [
        {
          row: 1,
          companyId: "cmp_1",
          priceGroup: "A",
          status: "REJECTED",
          errors: ["Скидка дилера «cmp_1» на группу «A» пересекается с строкой 2 (01.06.2026–31.12.2026)"],
        },
        {
          row: 2,
          companyId: "cmp_1",
          priceGroup: "A",
          status: "REJECTED",
          errors: [
            "Скидка дилера «cmp_1» на группу «A» пересекается с строкой 1 (с 01.07.2026 без срока)",
            "Скидка дилера «cmp_1» на группу «A» пересекается с действующей (01.01.2026–30.06.2026)",
          ],
        },
      ],
    });
    expect(await mine()).toEqual(["A 10 2026-01-01..2026-06-30"]);
  });

  it("with partial import saves the valid rows; a repeat is unchanged; a new end day updates", async () => {
    const first = await run([next, { ...overlapping, priceGroup: "B", percent: -1 }], true);
    expect(first.data?.importDiscounts).toMatchObject({ saved: true, created: 1, rejected: 1 });
    expect(await mine()).toEqual(["A 10 2026-01-01..2026-06-30", "A 12.5 2026-07-01.."]);
    const again = await run([next]);
    expect(again.data?.importDiscounts).toMatchObject({ saved: true, created: 0, updated: 0, unchanged: 1 });
    const shorter = await run([{ ...next, validUntil: "2026-12-31" }]);
    expect(shorter.data?.importDiscounts).toMatchObject({ saved: true, updated: 1 });
    expect(await mine()).toEqual(["A 10 2026-01-01..2026-06-30", "A 12.5 2026-07-01..2026-12-31"]);
  });
});
