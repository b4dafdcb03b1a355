import type { TenantDefinition } from "../definition.ts";

/** Vitup: consumer goods sold through sales reps, one cabinet per retail outlet (seed 003). */
export const vitup: TenantDefinition = {
  slug: "vitup",
  name: "Витап",
  legalName: "ООО «Витап»",
  inn: "7714083527",
  kpp: "771401001",
  contactEmail: "support@vitup.demo",
  description:
    "Товары повседневного спроса для розничных торговых точек. Предзаказ 24/7 из каталога или списком из Excel, подтверждение торговым представителем, история заказов, оплат и задолженности за год.",
  branding: {
    primary: "#2e7d32",
    onPrimary: "#ffffff",
    accent: "#fbc02d",
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 48" width="120" height="48"><rect width="120" height="48" rx="8" fill="#2e7d32"/><text x="60" y="32" font-family="Arial,sans-serif" font-size="22" font-weight="700" fill="#ffffff" text-anchor="middle">Витап</text></svg>',
  },
  features: {
    registration: "staff_created",
    passwordPolicy: { minLength: 8, requireDigit: true, requireLower: true, requireUpper: false },
    navigation: "group",
    packRounding: false,
    multipleDrafts: false,
    minSearchChars: 2,
    stockDisplay: { mode: "exact" },
  },
  pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true, vatRounding: "per_document" },
  workflow: {
    statuses: [
      { code: "pending_confirmation", label: "Принят, на подтверждении", category: "active", color: "#f0ad4e" },
      { code: "confirmed", label: "Подтвержден", category: "active", color: "#0275d8" },
      { code: "assembly", label: "Сборка", category: "active", color: "#5bc0de" },
      { code: "delivery", label: "Доставка", category: "active", color: "#7e57c2" },
      { code: "completed", label: "Выполнен", category: "done", color: "#2e7d32" },
      { code: "cancelled", label: "Отменен", category: "cancelled", color: "#c62828" },
    ],
    initial: "pending_confirmation",
    transitions: [
      // The sales rep confirms within a business day, only without overdue debt.
      { from: "pending_confirmation", to: "confirmed", by: ["manager"], label: "Подтвердить заказ" },
      { from: "confirmed", to: "assembly", by: ["manager", "system"], label: "Передать на сборку" },
      { from: "assembly", to: "delivery", by: ["manager", "system"], label: "Передать в доставку" },
      { from: "delivery", to: "completed", by: ["manager", "system"], label: "Доставлен и оплачен" },
      { from: "pending_confirmation", to: "cancelled", by: ["dealer", "manager"], label: "Отменить заказ" },
      { from: "confirmed", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
      { from: "assembly", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
    ],
  },
  requisites: {
    address: "141006, Московская обл., г. Мытищи, Олимпийский пр-т, д. 29",
    phone: "+7 495 580-30-30",
    bank: {
      name: "ПАО ВТБ, г. Москва",
      bik: "044525187",
      correspondentAccount: "30101810700000000187",
      account: "40702810500000067890",
    },
    director: "Витковский П. Р.",
    accountant: "Орлова И. Г.",
  },
  finance: { actRequestIntervalHours: null, invoiceValidityDays: 5, bonus: null },
  documentTypes: [
    {
      code: "invoice",
      label: "Счет",
      formats: ["pdf", "xlsx"],
      availableAt: ["pending_confirmation", "confirmed", "assembly", "delivery", "completed"],
    },
    { code: "upd", label: "УПД", formats: ["pdf"], availableAt: ["delivery", "completed"] },
  ],
};
