import type { TenantDefinition } from "@dpp/tenant";

/** What the platform admin gives for a new supplier; the rest comes from the template. */
export interface NewTenant {
  slug: string;
  name: string;
  legalName: string;
  inn: string;
  primary: string;
  onPrimary: string;
  accent: string;
  /** The supplier's first admin, also its contact address until the admin changes it. */
  adminEmail: string;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const status = (code: string, label: string, labelEn: string, category: string, color: string, edit: string[]) => ({
  code,
  label,
  labelEn,
  category: category as "active" | "done" | "cancelled",
  color,
  editableBy: edit as ("dealer" | "manager")[],
  tab: "orders",
});

const move = (from: string, to: string, by: string[], label: string, labelEn: string) => ({
  from,
  to,
  by: by as ("dealer" | "manager")[],
  label,
  labelEn,
  guards: [],
  effects: ["notify_dealer" as const],
});

/**
 * A sensible first definition for a new supplier: self-registration with approval, a plain
 * workflow (new → in work → shipped → completed, cancellable until shipped), an invoice document,
 * exact stock. Its tenant admin changes any of it afterwards (each save a new version).
 */
export function tenantTemplate(t: NewTenant): TenantDefinition {
  return {
    slug: t.slug,
    name: t.name,
    legalName: t.legalName,
    inn: t.inn,
    contactEmail: t.adminEmail,
    description: `Личный кабинет дилера ${t.name}: каталог, цены, заказы и документы.`,
    branding: {
      primary: t.primary,
      onPrimary: t.onPrimary,
      accent: t.accent,
      logoSvg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 48" width="180" height="48"><rect width="180" height="48" rx="8" fill="${t.primary}"/><text x="90" y="31" font-family="Arial,sans-serif" font-size="20" font-weight="700" fill="${t.onPrimary}" text-anchor="middle">${xml(t.name)}</text></svg>`,
    },
    features: {
      registration: "self_with_approval",
      passwordPolicy: { minLength: 8, requireDigit: true, requireLower: true, requireUpper: false },
      navigation: "group",
      packRounding: false,
      multipleDrafts: false,
      minSearchChars: 3,
      stockDisplay: { mode: "exact" },
    },
    pricing: { currency: "RUB", vatRateBp: 2200, pricesIncludeVat: true, vatRounding: "per_document" },
    workflow: {
      statuses: [
        status("new", "Новый", "New", "active", "#6c757d", ["manager"]),
        status("in_work", "В работе", "In progress", "active", "#0275d8", ["manager"]),
        status("shipped", "Отгружен", "Shipped", "active", "#5bc0de", []),
        status("completed", "Выполнен", "Completed", "done", "#2e7d32", []),
        status("cancelled", "Отменен", "Cancelled", "cancelled", "#c62828", []),
      ],
      initial: "new",
      tabs: [
        { code: "cart", label: "Корзина", labelEn: "Cart", kind: "drafts" },
        { code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" },
      ],
      transitions: [
        move("new", "in_work", ["manager"], "Принять в работу", "Take into work"),
        move("in_work", "shipped", ["manager"], "Отгрузить", "Ship"),
        move("shipped", "completed", ["manager"], "Завершить заказ", "Complete"),
        move("new", "cancelled", ["dealer", "manager"], "Отменить заказ", "Cancel the order"),
        move("in_work", "cancelled", ["manager"], "Отменить заказ", "Cancel the order"),
      ],
      managerPool: true,
      managerEdit: { effects: [] },
    },
    finance: { actRequestIntervalHours: null, invoiceValidityDays: 5, bonus: null },
    documentTypes: [{ code: "invoice", label: "Счет", formats: ["pdf", "xlsx"], availableAt: ["in_work", "shipped"] }],
  };
}
