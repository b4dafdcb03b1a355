import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInMoscow } from "../src/context.ts";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

let db: TestDatabase;
let url: string;
let stop: () => Promise<void>;

const manager: Actor = {
  kind: "user",
  userId: "usr_mgr",
  tenantId: "ten_p",
  companyId: null,
  roles: ["manager"],
  permissions: [],
};
const today = todayInMoscow();
const promo = (id: string, extra: Record<string, unknown>) => ({
  id,
  title: id,
  body: "Текст",
  imageUrl: null,
  audience: "all" as const,
  companyIds: [],
  validFrom: "2020-01-01",
  validUntil: null,
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase([migrations]);
  const admin = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const base = { pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true }, products: [], discounts: [] };
  await seedCatalog(admin.db, [
    {
      id: "ten_p",
      ...base,
      promotions: [
        promo("prm_all", { validFrom: today }),
        promo("prm_partner", { audience: "individual", companyIds: ["cmp_1"] }),
        promo("prm_over", { validUntil: "2021-01-01" }),
      ],
    },
    { id: "ten_q", ...base, promotions: [promo("prm_other", {})] },
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

const LIST = `query($a: PromotionAudience) { promotions(audience: $a) { id title text imageUrl audience validFrom validUntil } }`;
const ids = async (actor: Actor, audience?: string) => {
  const res = await callSubgraph<{ promotions: { id: string }[] }>(url, TEST_INTERNAL_SECRET, actor, LIST, {
    a: audience ?? null,
  });
  expect(res.errors).toBeUndefined();
  return res.data?.promotions.map((p) => p.id);
};
const SAVE = `mutation($id: ID, $i: PromotionInput!) { savePromotion(id: $id, input: $i) {
  __typename ... on Promotion { id title audience validUntil } ... on UserError { code message }
  ... on PromotionInvalidError { fields { field message } } } }`;

describe("promotions", () => {
  it("shows current promotions: all to every dealer, individual to its partners only, never another tenant's", async () => {
    expect(await ids(dealerActor("ten_p", "cmp_1"))).toEqual(["prm_all", "prm_partner"]);
    expect(await ids(dealerActor("ten_p", "cmp_1"), "INDIVIDUAL")).toEqual(["prm_partner"]);
    expect(await ids(dealerActor("ten_p", "cmp_2"))).toEqual(["prm_all"]);
    expect(await ids(dealerActor("ten_q", "cmp_1"))).toEqual(["prm_other"]);
  });

  it("lets staff create, fix and delete a promotion; dealers may not", async () => {
    const input = { title: "Новая", text: "Текст", audience: "INDIVIDUAL", validFrom: today, validUntil: null };
    const dealerTry = await callSubgraph(url, TEST_INTERNAL_SECRET, dealerActor("ten_p", "cmp_1"), SAVE, { i: input });
    expect(dealerTry.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await callSubgraph<{ savePromotion: unknown }>(url, TEST_INTERNAL_SECRET, manager, SAVE, { i: input });
    expect(bad.data?.savePromotion).toEqual({
      __typename: "PromotionInvalidError",
      code: "PROMOTION_INVALID",
      message: "Индивидуальная акция: укажите партнёров",
      fields: [{ field: "companyIds", message: "Индивидуальная акция: укажите партнёров" }],
    });
    const ok = await callSubgraph<{ savePromotion: { id: string } }>(url, TEST_INTERNAL_SECRET, manager, SAVE, {
      i: { ...input, companyIds: ["cmp_2"] },
    });
    const id = ok.data?.savePromotion.id ?? "";
    expect(ok.data?.savePromotion).toMatchObject({ __typename: "Promotion", title: "Новая", audience: "INDIVIDUAL" });
    expect(await ids(dealerActor("ten_p", "cmp_2"), "INDIVIDUAL")).toEqual([id]);
    const missing = await callSubgraph<{ savePromotion: unknown }>(url, TEST_INTERNAL_SECRET, manager, SAVE, {
      id: "prm_nope",
      i: input,
    });
    expect(missing.data?.savePromotion).toMatchObject({ __typename: "PromotionInvalidError" });
    const gone = await callSubgraph<{ deletePromotion: boolean }>(
      url,
      TEST_INTERNAL_SECRET,
      manager,
      `mutation($id: ID!) { deletePromotion(id: $id) }`,
      { id },
    );
    expect(gone.data?.deletePromotion).toBe(true);
    expect(await ids(dealerActor("ten_p", "cmp_2"), "INDIVIDUAL")).toEqual([]);
    const notFound = await callSubgraph<{ savePromotion: unknown }>(url, TEST_INTERNAL_SECRET, manager, SAVE, {
      id: "prm_nope",
      i: { ...input, audience: "ALL" },
    });
    expect(notFound.data?.savePromotion).toMatchObject({
      __typename: "PromotionNotFoundError",
      code: "PROMOTION_NOT_FOUND",
    });
  });
});
