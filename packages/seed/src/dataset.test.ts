import { contrastRatio, isValidInn, parseTenantDefinition } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { buildDemoDataset, demoTenant } from "./dataset.ts";
import { DEMO_PASSWORD } from "./people.ts";

const data = buildDemoDataset();

describe("buildDemoDataset", () => {
  it("is deterministic: two calls return deep-equal data", () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
  });

  it("has unique ids across the whole data set, with type prefixes", () => {
    const ids = [
      ...data.tenants.map((t) => t.id),
      ...data.tenants.flatMap((t) => t.warehouses.map((w) => w.id)),
      ...data.tenants.flatMap((t) => t.products.map((p) => p.id)),
      ...data.users.map((u) => u.id),
      ...data.companies.map((c) => c.id),
      ...data.companies.flatMap((c) => c.counterparties.map((cp) => cp.id)),
      ...data.memberships.map((m) => m.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(ten|whs|prd|usr|cmp|cpt|mem)_[a-z0-9_]+$/);
    expect(data.tenants.map((t) => t.id)).toEqual([
      "ten_wasserkraft",
      "ten_keaz",
      "ten_spectr",
      "ten_vitup",
      "ten_autoparts",
    ]);
  });

  it("has unique e-mails", () => {
    const emails = data.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it.each(data.tenants.map((t) => [t.definition.slug, t] as const))("%s: catalog, warehouses, stock", (slug, t) => {
    expect(parseTenantDefinition(t.definition)).toEqual(t.definition);
    expect(t.products.length).toBeGreaterThanOrEqual(200);
    expect(t.products.length).toBeLessThanOrEqual(400);
    expect(t.warehouses.length).toBeGreaterThanOrEqual(1);

    const articles = t.products.map((p) => p.article);
    expect(new Set(articles).size, "articles unique per tenant").toBe(articles.length);

    for (const p of t.products) {
      expect(p.id.startsWith(`prd_${slug}_`)).toBe(true);
      expect(Number.isInteger(p.basePrice) && p.basePrice > 0).toBe(true);
      expect(p.packMultiple).toBeGreaterThanOrEqual(1);
      expect(p.name.length).toBeGreaterThan(3);
    }
    // Stock for every product x warehouse, whole packs, with zero, small and large amounts.
    expect(t.stock.length).toBe(t.products.length * t.warehouses.length);
    const keys = new Set(t.stock.map((s) => `${s.productId}|${s.warehouseId}`));
    expect(keys.size).toBe(t.stock.length);
    const qty = t.stock.map((s) => s.quantity);
    expect(qty.some((q) => q === 0)).toBe(true);
    expect(qty.some((q) => q > 0 && q <= 20)).toBe(true);
    expect(qty.some((q) => q > 20)).toBe(true);

    const groups = new Set(t.products.map((p) => p.priceGroup));
    expect(groups.size).toBeGreaterThanOrEqual(2);
    expect(groups.size).toBeLessThanOrEqual(4);
    for (const d of t.discounts) {
      expect(groups.has(d.priceGroup), d.priceGroup).toBe(true);
      expect(d.percentBp).toBeGreaterThanOrEqual(500);
      expect(d.percentBp).toBeLessThanOrEqual(1500);
      expect(data.companies.some((c) => c.id === d.companyId)).toBe(true);
    }
  });

  it("gives every tenant a demo dealer and a manager", () => {
    for (const t of data.tenants) {
      const mems = data.memberships.filter((m) => m.tenantId === t.id);
      const dealer = mems.find((m) => m.role === "dealer_admin" && m.companyId !== null);
      const manager = mems.find((m) => m.role === "manager");
      expect(dealer, t.id).toBeDefined();
      expect(dealer?.permissions).toEqual([
        "orders.send",
        "finance.view",
        "stock.view",
        "api_keys.manage",
        "nomenclature.file",
      ]);
      expect(manager?.companyId, t.id).toBeNull();
      const slug = t.definition.slug;
      expect(data.users.find((u) => u.id === dealer?.userId)?.email).toBe(`dealer@${slug}.demo`);
      expect(data.users.find((u) => u.id === manager?.userId)?.email).toBe(`manager@${slug}.demo`);
      expect(t.discounts.some((d) => d.companyId === dealer?.companyId)).toBe(true);
    }
  });

  it("has one multi-brand dealer working with exactly three tenants", () => {
    const user = data.users.find((u) => u.email === "dealer@multibrand.demo");
    expect(user).toBeDefined();
    const mems = data.memberships.filter((m) => m.userId === user?.id);
    expect(mems.map((m) => m.tenantId).sort()).toEqual(["ten_autoparts", "ten_keaz", "ten_wasserkraft"]);
    expect(new Set(mems.map((m) => m.companyId)).size).toBe(1);
    const company = data.companies.find((c) => c.id === mems[0]?.companyId);
    expect(company?.name).toBe("ООО «ТехноСнаб»");
  });

  it("gives every counterparty a valid INN and a 9-digit KPP where present", () => {
    for (const c of data.companies) {
      expect(c.counterparties.length).toBeGreaterThanOrEqual(1);
      for (const cp of c.counterparties) {
        expect(isValidInn(cp.inn), `${cp.name} ${cp.inn}`).toBe(true);
        if (cp.kpp !== null) expect(cp.kpp).toMatch(/^\d{9}$/);
        // A sole proprietor has a 12-digit INN and no KPP.
        if (cp.inn.length === 12) expect(cp.kpp).toBeNull();
      }
    }
  });

  it("uses one password that satisfies every tenant's policy", () => {
    for (const u of data.users) expect(u.password).toBe(DEMO_PASSWORD);
    for (const t of data.tenants) {
      const p = t.definition.features.passwordPolicy;
      expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(p.minLength);
      if (p.requireDigit) expect(DEMO_PASSWORD).toMatch(/\d/);
      if (p.requireLower) expect(DEMO_PASSWORD).toMatch(/[a-z]/);
      if (p.requireUpper) expect(DEMO_PASSWORD).toMatch(/[A-Z]/);
      expect(contrastRatio(t.definition.branding.primary, t.definition.branding.onPrimary)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("reproduces the seeds' catalog quirks", () => {
    const by = (slug: string) => {
      const t = data.tenants.find((x) => x.definition.slug === slug);
      if (!t) throw new Error(slug);
      return t;
    };
    const vitup = by("vitup").products.map((p) => p.article);
    expect(vitup).toContain("0983");
    expect(vitup).toContain("A100");
    expect(vitup).toContain("a100");

    const keaz = by("keaz").products;
    expect(keaz.some((p) => p.name.includes("OptiDin BM63-1C16-4,5-УХЛ3"))).toBe(true);
    expect(new Set(keaz.map((p) => p.packMultiple))).toEqual(new Set([1, 6, 12, 100]));
    expect(by("keaz").warehouses.map((w) => w.code)).toEqual(["KRS", "MSK", "NSK"]);

    const wk = by("wasserkraft");
    expect(wk.products.find((p) => p.article === "1062L")?.name).toBe(
      "Aller 1062L Смеситель для ванны с длинным изливом",
    );
    expect(wk.warehouses.map((w) => w.code)).toEqual(["MSK", "SPB"]);
    expect(wk.products.every((p) => p.series !== null)).toBe(true);

    expect(by("autoparts").products.find((p) => p.article === "0986452041")?.name).toBe("Фильтр масляный Bosch");
    expect(new Set(by("spectr").products.map((p) => p.brand)).size).toBeGreaterThanOrEqual(10);
    // Stock is a whole number of packs.
    for (const t of data.tenants) {
      const pack = new Map(t.products.map((p) => [p.id, p.packMultiple]));
      for (const s of t.stock) expect(s.quantity % (pack.get(s.productId) ?? 1)).toBe(0);
    }
  });
});

describe("catalog card attributes", () => {
  const ean = (code: string) => {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
    return (10 - (sum % 10)) % 10 === Number(code[12]);
  };
  it.each(data.tenants.map((t) => [t.definition.slug, t] as const))(
    "%s: valid unique EAN-13, HS code, group path",
    (_, t) => {
      const eans = t.products.map((p) => p.ean13 ?? "");
      expect(new Set(eans).size).toBe(eans.length);
      for (const p of t.products) {
        expect(p.ean13).toMatch(/^\d{13}$/);
        expect(ean(p.ean13 ?? "")).toBe(true);
        expect(p.hsCode).toMatch(/^\d{10}$/);
        expect(p.groupPath?.length).toBeGreaterThan(0);
      }
    },
  );

  it("keaz: discontinued products name existing successors", () => {
    const keaz = demoTenant(data, "keaz");
    const discontinued = keaz?.products.filter((p) => p.discontinued) ?? [];
    expect(discontinued.length).toBeGreaterThan(3);
    const articles = new Set(keaz?.products.map((p) => p.article));
    for (const p of discontinued) {
      expect(p.successors?.length).toBeGreaterThan(0);
      for (const s of p.successors ?? []) expect(articles.has(s)).toBe(true);
    }
  });
});
