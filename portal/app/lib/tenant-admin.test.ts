import { describe, expect, it } from "vitest";
import { documentsFromForm, rulesFromForm, withPath } from "./tenant-admin";

// biome-ignore lint/suspicious/noExplicitAny: a definition is JSON, read field by field in assertions
const definition: Record<string, any> & { documentTypes: Record<string, any>[] & { code: string }[] } = {
  slug: "x",
  features: {
    registration: "self_with_approval",
    passwordPolicy: { minLength: 8, requireDigit: true, requireLower: false, requireUpper: false },
    packRounding: false,
    multipleDrafts: true,
    minSearchChars: 3,
    reserveHoldHours: 48,
    stockDisplay: { mode: "exact" },
  },
  pricing: { currency: "RUB", vatRateBp: 2200, pricesIncludeVat: true, vatRounding: "per_line" },
  documentTypes: [{ code: "invoice", label: "Счет", formats: ["pdf"], availableAt: ["new"] }],
};

const form = {
  "features.registration": "manager_invitation",
  "features.passwordPolicy.minLength": "10",
  "features.passwordPolicy.requireUpper": "on",
  "features.packRounding": "on",
  "features.minSearchChars": "2",
  "features.reserveHoldHours": "",
  "features.lowStockThreshold": "5",
  "features.stockDisplay.mode": "threshold",
  "features.stockDisplay.threshold": "100",
  "pricing.vatRateBp": "20",
  "pricing.vatRounding": "per_document",
  "finance.actRequestIntervalHours": "",
  "finance.invoiceValidityDays": "7",
  "finance.bonus.enabled": "on",
  "finance.bonus.kopecksPerPoint": "100",
  "finance.bonus.minOrderKopecks": "5000,50",
  "finance.bonus.creditAt": "done",
};

describe("rulesFromForm", () => {
  it("puts every field at its path, in the definition's units", () => {
    const r = rulesFromForm(definition, form);
    expect(r.problems).toEqual({});
    expect(r.definition.features).toEqual({
      registration: "manager_invitation",
      passwordPolicy: { minLength: 10, requireDigit: false, requireLower: false, requireUpper: true },
      packRounding: true,
      multipleDrafts: false,
      minSearchChars: 2,
      lowStockThreshold: 5,
      stockDisplay: { mode: "threshold", threshold: 100 },
    });
    expect(r.definition.pricing).toEqual({
      currency: "RUB",
      vatRateBp: 2000,
      pricesIncludeVat: false,
      vatRounding: "per_document",
    });
    expect(r.definition.finance).toEqual({
      actRequestIntervalHours: null,
      invoiceValidityDays: 7,
      bonus: { kopecksPerPoint: 10000, minOrderKopecks: 500050, creditAt: "done" },
    });
  });

  it.each([
    ["features.minSearchChars", "три"],
    ["features.minSearchChars", "2.5"],
    ["features.passwordPolicy.minLength", ""],
    ["features.stockDisplay.threshold", "много"],
    ["pricing.vatRateBp", "x"],
    ["finance.bonus.kopecksPerPoint", ""],
  ])("%s = %j is not a number", (path, value) => {
    expect(rulesFromForm(definition, { ...form, [path]: value }).problems).toEqual({ [path]: "Введите целое число" });
  });

  it("no bonus and exact stock when switched off", () => {
    const r = rulesFromForm(definition, {
      ...form,
      "finance.bonus.enabled": undefined,
      "features.stockDisplay.mode": "exact",
    });
    expect(r.definition.finance?.bonus).toBeNull();
    expect(r.definition.features.stockDisplay).toEqual({ mode: "exact" });
  });
});

describe("withPath and documentsFromForm", () => {
  it("sets and removes nested keys without touching the original", () => {
    const a = { x: { y: 1, z: 2 } };
    expect(withPath(a, "x.y", 5)).toEqual({ x: { y: 5, z: 2 } });
    expect(withPath(a, "x.z", undefined)).toEqual({ x: { y: 1 } });
    expect(withPath(a, "w.v", true)).toEqual({ x: { y: 1, z: 2 }, w: { v: true } });
    expect(a).toEqual({ x: { y: 1, z: 2 } });
  });

  it("takes labels and ticked statuses per document", () => {
    const f = new FormData();
    f.append("invoice.label", " Счёт на оплату ");
    f.append("invoice.availableAt", "new");
    f.append("invoice.availableAt", "done");
    expect(documentsFromForm(definition, f).documentTypes).toEqual([
      { code: "invoice", label: "Счёт на оплату", formats: ["pdf"], availableAt: ["new", "done"] },
    ]);
  });
});
