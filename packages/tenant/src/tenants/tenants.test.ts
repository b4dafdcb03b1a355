import { describe, expect, it } from "vitest";
import { contrastRatio, WCAG_AA_NORMAL } from "../contrast.ts";
import { parseTenantDefinition, type TenantDefinition } from "../definition.ts";
import { isValidInn } from "../inn.ts";
import { demoTenantDefinitions } from "./index.ts";

const bySlug = (slug: string): TenantDefinition => {
  const t = demoTenantDefinitions.find((d) => d.slug === slug);
  if (!t) throw new Error(`no tenant ${slug}`);
  return t;
};

describe("demo tenant definitions", () => {
  it("has the five seed tenants with unique slugs", () => {
    expect(demoTenantDefinitions.map((t) => t.slug)).toEqual(["wasserkraft", "keaz", "spectr", "vitup", "autoparts"]);
  });

  describe.each(demoTenantDefinitions.map((t) => [t.slug, t] as const))("%s", (_slug, t) => {
    it("parses with parseTenantDefinition", () => {
      expect(parseTenantDefinition(t)).toEqual(t);
    });

    it("keeps WCAG AA contrast between onPrimary and primary", () => {
      expect(contrastRatio(t.branding.primary, t.branding.onPrimary)).toBeGreaterThanOrEqual(WCAG_AA_NORMAL);
    });

    it("has a valid INN and a 9-digit KPP", () => {
      expect(isValidInn(t.inn)).toBe(true);
      if (t.kpp !== undefined) expect(t.kpp).toMatch(/^\d{9}$/);
    });

    it("has a compact SVG logo with viewBox, width and height", () => {
      const svg = t.branding.logoSvg;
      expect(svg).toMatch(/viewBox="[\d. ]+"/);
      expect(svg).toMatch(/ width="\d+"/);
      expect(svg).toMatch(/ height="\d+"/);
      expect(svg).toContain("<rect");
      expect(svg).toContain("<text");
      expect(svg.endsWith("</svg>")).toBe(true);
      expect(svg.length).toBeLessThan(400);
    });

    it("has a workflow where every status is reachable from the initial one", () => {
      const seen = new Set([t.workflow.initial]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const tr of t.workflow.transitions) {
          if (seen.has(tr.from) && !seen.has(tr.to)) {
            seen.add(tr.to);
            changed = true;
          }
        }
      }
      expect([...seen].sort()).toEqual(t.workflow.statuses.map((s) => s.code).sort());
      expect(t.workflow.statuses.some((s) => s.category === "done")).toBe(true);
      expect(t.workflow.statuses.some((s) => s.category === "cancelled")).toBe(true);
    });

    it("applies VAT 20 % to prices that include it", () => {
      expect(t.pricing.vatRateBp).toBe(2000);
      expect(t.pricing.pricesIncludeVat).toBe(true);
    });

    it("lets the demo password satisfy its password policy", () => {
      const pw = "Demo-2026";
      const p = t.features.passwordPolicy;
      expect(pw.length).toBeGreaterThanOrEqual(p.minLength);
      if (p.requireDigit) expect(pw).toMatch(/\d/);
      if (p.requireLower) expect(pw).toMatch(/[a-z]/);
      if (p.requireUpper) expect(pw).toMatch(/[A-Z]/);
    });
  });

  it("makes an invoice available at the initial status, except where the seed says otherwise", () => {
    // wasserkraft: documents only for shipped orders (seed 000); autoparts: payment documents
    // only once the order is reserved (seed 004).
    const exceptions = new Set(["wasserkraft", "autoparts"]);
    for (const t of demoTenantDefinitions) {
      const invoice = t.documentTypes.find((d) => d.code === "invoice");
      expect(invoice, t.slug).toBeDefined();
      if (!exceptions.has(t.slug)) expect(invoice?.availableAt, t.slug).toContain(t.workflow.initial);
    }
    expect(bySlug("wasserkraft").documentTypes.every((d) => d.availableAt.join() === "shipped")).toBe(true);
    expect(bySlug("autoparts").documentTypes.find((d) => d.code === "invoice")?.availableAt[0]).toBe("reserve");
  });

  it("uses exactly one per_line VAT rounding tenant", () => {
    expect(demoTenantDefinitions.filter((t) => t.pricing.vatRounding === "per_line").map((t) => t.slug)).toEqual([
      "keaz",
    ]);
  });

  it("reproduces the per-tenant rules of DOMAIN.md", () => {
    const w = bySlug("wasserkraft");
    expect(w.features.registration).toBe("self_with_approval");
    expect(w.features.passwordPolicy.minLength).toBe(6);
    expect(w.features.navigation).toBe("series");
    expect(w.features.stockDisplay).toEqual({ mode: "threshold", threshold: 20 });
    expect(w.workflow.statuses.map((s) => s.label)).toEqual([
      "Новый",
      "Ждет подтверждения",
      "Ждет оплаты",
      "Передан на сборку",
      "Готов к отгрузке",
      "Отгружен",
      "Отменен",
    ]);
    expect(w.workflow.transitions.filter((tr) => tr.to === "cancelled").every((tr) => tr.by.join() === "manager")).toBe(
      true,
    );
    expect(w.workflow.managerEdit.effects).toEqual(["mail_updated_invoice"]);

    const k = bySlug("keaz");
    expect(k.features).toMatchObject({
      registration: "email_then_questionnaire",
      navigation: "group",
      packRounding: true,
      multipleDrafts: true,
      minSearchChars: 6,
    });
    expect(k.features.passwordPolicy).toMatchObject({ requireDigit: true, requireLower: true, requireUpper: true });
    expect(k.workflow.initial).toBe("invoiced");
    expect(k.workflow.statuses.find((s) => s.code === "invoiced")?.label).toBe("Получен счет");

    expect(bySlug("spectr").features).toMatchObject({ registration: "manager_invitation", navigation: "brand" });
    expect(bySlug("vitup").features).toMatchObject({ registration: "staff_created", navigation: "group" });
    const a = bySlug("autoparts");
    expect(a.features).toMatchObject({ registration: "self_with_approval", navigation: "brand" });
    expect(a.workflow.statuses.slice(0, 5).map((s) => s.label)).toEqual([
      "Новый",
      "Резерв",
      "В работе",
      "Комплектация",
      "Отгрузка",
    ]);
  });
});

describe("parseTenantDefinition", () => {
  it("rejects a transition that names an unknown status, naming it", () => {
    const base = bySlug("spectr");
    const broken = {
      ...base,
      workflow: {
        ...base.workflow,
        transitions: [
          ...base.workflow.transitions,
          {
            from: "in_work",
            to: "teleported",
            by: ["manager"],
            label: "?",
            labelEn: "?",
            guards: [],
            effects: [],
          },
        ],
      },
    };
    expect(() => parseTenantDefinition(broken)).toThrow(/unknown status "teleported"/);
  });

  it("rejects a document available at an unknown status", () => {
    const base = bySlug("keaz");
    const broken = {
      ...base,
      documentTypes: [{ code: "invoice", label: "Счет", formats: ["pdf"], availableAt: ["paid"] }],
    };
    expect(() => parseTenantDefinition(broken)).toThrow(/document invoice: unknown status "paid"/);
  });
});
