import { demoTenantDefinitions } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { tenantTemplate } from "../tenant-config/template.ts";
import { checkDefinition, definitionChanges } from "./tenant-config.ts";

const base = demoTenantDefinitions[0];
if (!base) throw new Error("no demo tenant");

describe("checkDefinition", () => {
  it.each([
    ["every demo tenant", base, []],
    [
      "a search minimum of 0",
      { ...base, features: { ...base.features, minSearchChars: 0 } },
      ["features.minSearchChars"],
    ],
    ["VAT over 100 %", { ...base, pricing: { ...base.pricing, vatRateBp: 10001 } }, ["pricing.vatRateBp"]],
    ["a colour that is not #rrggbb", { ...base, branding: { ...base.branding, primary: "red" } }, ["branding.primary"]],
    [
      "white on yellow",
      { ...base, branding: { ...base.branding, primary: "#ffff00", onPrimary: "#ffffff" } },
      ["branding.onPrimary"],
    ],
    [
      "a document at an unknown status",
      { ...base, documentTypes: [{ code: "invoice", label: "Счет", formats: ["pdf"], availableAt: ["nowhere"] }] },
      ["documentTypes.0.availableAt.0"],
    ],
  ])("%s", (_, input, paths) => {
    const r = checkDefinition(input);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(paths);
  });

  it("accepts every demo tenant and the new-tenant template", () => {
    for (const d of demoTenantDefinitions) expect(checkDefinition(d).ok).toBe(true);
    const t = tenantTemplate({
      slug: "new-one",
      name: "Новый <поставщик>",
      legalName: "ООО «Новый»",
      inn: "7707083893",
      primary: "#123456",
      onPrimary: "#ffffff",
      accent: "#abcdef",
      adminEmail: "admin@new.test",
    });
    expect(checkDefinition(t).ok).toBe(true);
    expect(t.branding.logoSvg).toContain("Новый &lt;поставщик&gt;");
  });
});

describe("definitionChanges", () => {
  it.each([
    ["nothing", base, base, []],
    [
      "one rule",
      base,
      { ...base, features: { ...base.features, packRounding: !base.features.packRounding } },
      [`features.packRounding: ${base.features.packRounding} → ${!base.features.packRounding}`],
    ],
    [
      "a setting added and a colour changed",
      { a: { b: 1 }, c: "#000000" },
      { a: { b: 1, d: 2 }, c: "#ffffff" },
      ["a.d: — → 2", 'c: "#000000" → "#ffffff"'],
    ],
    ["a list, whole", { l: [1, 2] }, { l: [1, 3] }, ["l: [1,2] → [1,3]"]],
    ["a long text, by its length", { s: "x".repeat(100) }, { s: "y" }, ['s: (текст, 100 симв.) → "y"']],
    [
      "a long list, shortened",
      { l: ["a".repeat(70), "b"] },
      { l: [] },
      [`l: ${`["${"a".repeat(70)}","b"]`.slice(0, 57)}… → []`],
    ],
    [
      "a list of settings, item by item",
      { d: [{ code: "invoice", availableAt: ["new"] }] },
      { d: [{ code: "invoice", availableAt: ["new", "paid"] }] },
      ['d.0.availableAt: ["new"] → ["new","paid"]'],
    ],
  ])("%s", (_, before, after, want) => {
    expect(definitionChanges(before, after)).toEqual(want);
  });
});
