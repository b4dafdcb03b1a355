import { describe, expect, it } from "vitest";
import { checkPromotion, type Promotion, type PromotionInput, type PromotionViewer, visibleTo } from "./promotions.ts";

const promo = (extra: Partial<Promotion> = {}): Promotion => ({
  id: "prm_1",
  title: "Скидка на смесители",
  body: "До конца месяца",
  imageUrl: null,
  audience: "all",
  companyIds: [],
  validFrom: "2026-11-01",
  validUntil: "2026-11-30",
  ...extra,
});
const dealer = (companyId: string): PromotionViewer => ({ companyId, staff: false });
const staff: PromotionViewer = { companyId: null, staff: true };

describe("visibleTo", () => {
  it.each<[string, Promotion, PromotionViewer, string, boolean]>([
    ["all, in period", promo(), dealer("cmp_1"), "2026-11-23", true],
    ["first and last day count", promo(), dealer("cmp_1"), "2026-11-30", true],
    ["before the period", promo(), dealer("cmp_1"), "2026-10-31", false],
    ["after the period", promo(), dealer("cmp_1"), "2026-12-01", false],
    ["open-ended", promo({ validUntil: null }), dealer("cmp_1"), "2030-01-01", true],
    [
      "individual, the partner",
      promo({ audience: "individual", companyIds: ["cmp_1"] }),
      dealer("cmp_1"),
      "2026-11-23",
      true,
    ],
    [
      "individual, another dealer",
      promo({ audience: "individual", companyIds: ["cmp_1"] }),
      dealer("cmp_2"),
      "2026-11-23",
      false,
    ],
    [
      "individual, staff manage it",
      promo({ audience: "individual", companyIds: ["cmp_1"] }),
      staff,
      "2026-11-23",
      true,
    ],
    ["staff do not see expired ones as current", promo(), staff, "2026-12-01", false],
  ])("%s", (_, p, viewer, day, want) => {
    expect(visibleTo(p, viewer, day)).toBe(want);
  });
});

describe("checkPromotion", () => {
  const input = (extra: Partial<PromotionInput> = {}): PromotionInput => ({
    title: " Скидка ",
    body: "Текст",
    audience: "all",
    validFrom: "2026-11-01",
    validUntil: null,
    ...extra,
  });
  it.each<[string, PromotionInput, string[]]>([
    ["valid", input(), []],
    ["empty title and text", input({ title: " ", body: "" }), ["title", "body"]],
    ["image not https", input({ imageUrl: "http://x/a.png" }), ["imageUrl"]],
    ["protocol-relative image", input({ imageUrl: "//x/a.png" }), ["imageUrl"]],
    ["site image", input({ imageUrl: "/promo/a.png" }), []],
    ["bad dates", input({ validFrom: "2026-02-30", validUntil: "завтра" }), ["validFrom", "validUntil"]],
    ["ends before it starts", input({ validUntil: "2026-10-01" }), ["validUntil"]],
    ["individual without partners", input({ audience: "individual" }), ["companyIds"]],
    ["all with partners", input({ companyIds: ["cmp_1"] }), ["companyIds"]],
  ])("%s", (_, i, fields) => {
    const r = checkPromotion(i);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(fields);
  });
  it("trims and de-duplicates", () => {
    expect(checkPromotion(input({ audience: "individual", companyIds: ["cmp_1", " cmp_1", ""] }))).toMatchObject({
      ok: true,
      value: { title: "Скидка", companyIds: ["cmp_1"], imageUrl: null },
    });
  });
});
