import type { Actor } from "@dpp/auth";
import { listen } from "@dpp/server";
import { callSubgraph, createTestDatabase, dealerActor, TEST_INTERNAL_SECRET, type TestDatabase } from "@dpp/testkit";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, migrations, seedCatalog } from "../src/index.ts";

/**
 * The staff side of promotions against a real PostgreSQL: every promotion (past and future) with
 * its partners, and saving one together with an uploaded image — checked by content, stored with
 * the promotion in one transaction, served only within the tenant.
 */
let db: TestDatabase;
let url: string;
let admin: postgres.Sql;
let stop: () => Promise<void>;

const staff = (tenantId: string): Actor => ({
  kind: "user",
  userId: "usr_mgr",
  tenantId,
  companyId: null,
  roles: ["manager"],
  permissions: [],
});
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
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
  const owner = await createServer({ databaseUrl: db.adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const base = { pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true }, products: [], discounts: [] };
  await seedCatalog(owner.db, [
    {
      id: "ten_p",
      ...base,
      promotions: [
        promo("prm_past", { validUntil: "2021-01-01" }),
        promo("prm_partner", { audience: "individual", companyIds: ["cmp_1", "cmp_2"] }),
        promo("prm_future", { validFrom: "2099-01-01" }),
      ],
    },
    { id: "ten_q", ...base },
  ]);
  await owner.stop();
  admin = postgres(db.adminUrl, { max: 1, onnotice: () => {} });
  const server = await createServer({ databaseUrl: db.appUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  const l = await listen(server.app, 0);
  url = `${l.url}/graphql`;
  stop = async () => {
    await l.close();
    await server.stop();
    await admin.end();
    await db.drop();
  };
});
afterAll(async () => {
  await stop?.();
});

const gql = <T>(actor: Actor, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph<T>(url, TEST_INTERNAL_SECRET, actor, query, variables);
const SAVE = `mutation($id: ID, $i: PromotionInput!, $img: String!) { savePromotionWithImage(id: $id, input: $i, imageBase64: $img) {
  __typename ... on Promotion { id title imageUrl companyIds } ... on UserError { code message } } }`;
const images = async () =>
  (await admin<{ n: number }[]>`select count(*)::int as n from catalog.promotion_images`)[0]?.n;

describe("promotions for staff", () => {
  it("lists every promotion with its partners to staff; dealers see no partner list and may not list all", async () => {
    const all = await gql<{ allPromotions: { id: string; companyIds: string[] }[] }>(
      staff("ten_p"),
      "{ allPromotions { id companyIds } }",
    );
    expect(all.data?.allPromotions).toEqual([
      { id: "prm_future", companyIds: [] },
      { id: "prm_partner", companyIds: ["cmp_1", "cmp_2"] },
      { id: "prm_past", companyIds: [] },
    ]);
    const dealer = await gql<{ promotions: { id: string; companyIds: string[] }[] }>(
      dealerActor("ten_p", "cmp_1"),
      "{ promotions(audience: INDIVIDUAL) { id companyIds } }",
    );
    expect(dealer.data?.promotions).toEqual([{ id: "prm_partner", companyIds: [] }]);
    const denied = await gql(dealerActor("ten_p", "cmp_1"), "{ allPromotions { id } }");
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("saves a promotion with its image in one step; a refused image or field saves nothing", async () => {
    const input = { title: "Новогодняя", text: "Скидка", audience: "ALL", validFrom: "2026-12-01", validUntil: null };
    const before = await images();
    const notImage = await gql<{ savePromotionWithImage: unknown }>(staff("ten_p"), SAVE, {
      i: input,
      img: Buffer.from("%PDF-1.4 не картинка").toString("base64"),
    });
    expect(notImage.data?.savePromotionWithImage).toEqual({
      __typename: "PromotionImageError",
      code: "NOT_AN_IMAGE",
      message: "Файл не является картинкой: загрузите PNG, JPEG или WebP",
    });
    const badField = await gql<{ savePromotionWithImage: { __typename: string } }>(staff("ten_p"), SAVE, {
      i: { ...input, title: " " },
      img: PNG,
    });
    expect(badField.data?.savePromotionWithImage).toMatchObject({ __typename: "PromotionInvalidError" });
    expect(await images()).toBe(before);
    const byDealer = await gql(dealerActor("ten_p", "cmp_1"), SAVE, { i: input, img: PNG });
    expect(byDealer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const ok = await gql<{ savePromotionWithImage: { id: string; imageUrl: string } }>(staff("ten_p"), SAVE, {
      i: input,
      img: PNG,
    });
    const saved = ok.data?.savePromotionWithImage;
    expect(saved?.imageUrl).toMatch(/^\/promotion-images\/pim_/);
    const imageId = saved?.imageUrl.split("/").pop();
    const FILE = "query($id: ID!) { promotionImage(id: $id) { contentType contentBase64 } }";
    const file = await gql<{ promotionImage: unknown }>(dealerActor("ten_p", "cmp_2"), FILE, { id: imageId });
    expect(file.data?.promotionImage).toEqual({ contentType: "image/png", contentBase64: PNG });
    const foreign = await gql<{ promotionImage: unknown }>(staff("ten_q"), FILE, { id: imageId });
    expect(foreign.data?.promotionImage).toBeNull();

    const missing = await gql<{ savePromotionWithImage: { code: string } }>(staff("ten_p"), SAVE, {
      id: "prm_nope",
      i: input,
      img: PNG,
    });
    expect(missing.data?.savePromotionWithImage.code).toBe("PROMOTION_NOT_FOUND");
    expect(await images()).toBe((before ?? 0) + 1);
  });
});
