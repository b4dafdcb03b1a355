import type { TenantDefinition } from "../definition.ts";

/** WasserKRAFT: bathroom taps and accessories (seed 000). */
export const wasserkraft: TenantDefinition = {
  slug: "wasserkraft",
  name: "WasserKRAFT",
  legalName: "ООО «ВассерКрафт Рус»",
  inn: "7724123458",
  kpp: "772401001",
  contactEmail: "contact@wasserkraft.demo",
  description:
    "Смесители и аксессуары для ванной комнаты. Online-заказы вручную или из Excel, статус заказа, отчетные документы и бонусы за заказы через личный кабинет.",
  branding: {
    primary: "#0b2a5b",
    onPrimary: "#ffffff",
    accent: "#00a0e3",
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 48" width="200" height="48"><rect width="200" height="48" rx="8" fill="#0b2a5b"/><text x="100" y="31" font-family="Arial,sans-serif" font-size="20" font-weight="700" fill="#ffffff" text-anchor="middle">WasserKRAFT</text></svg>',
  },
  features: {
    registration: "self_with_approval",
    passwordPolicy: { minLength: 6, requireDigit: false, requireLower: false, requireUpper: false },
    navigation: "series",
    packRounding: false,
    multipleDrafts: false,
    minSearchChars: 3,
    stockDisplay: { mode: "threshold", threshold: 20 },
  },
  pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true, vatRounding: "per_document" },
  workflow: {
    statuses: [
      { code: "new", label: "Новый", category: "active", color: "#6c757d" },
      { code: "awaiting_confirmation", label: "Ждет подтверждения", category: "active", color: "#f0ad4e" },
      { code: "awaiting_payment", label: "Ждет оплаты", category: "active", color: "#d9822b" },
      { code: "assembly", label: "Передан на сборку", category: "active", color: "#0275d8" },
      { code: "ready", label: "Готов к отгрузке", category: "active", color: "#5bc0de" },
      { code: "shipped", label: "Отгружен", category: "done", color: "#2e7d32" },
      { code: "cancelled", label: "Отменен", category: "cancelled", color: "#c62828" },
    ],
    initial: "new",
    transitions: [
      { from: "new", to: "awaiting_confirmation", by: ["system"], label: "Заказ получен базой WasserKRAFT" },
      {
        from: "awaiting_confirmation",
        to: "awaiting_payment",
        by: ["manager"],
        label: "Подтвердить заказ и выставить счет",
      },
      { from: "awaiting_payment", to: "assembly", by: ["manager", "system"], label: "Передать на сборку" },
      { from: "assembly", to: "ready", by: ["manager", "system"], label: "Заказ собран" },
      { from: "ready", to: "shipped", by: ["manager", "system"], label: "Отгрузить" },
      { from: "new", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
      { from: "awaiting_confirmation", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
      { from: "awaiting_payment", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
      { from: "assembly", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
      { from: "ready", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
    ],
  },
  // Seed 000: closing documents can be downloaded only for shipped orders.
  requisites: {
    address: "117105, г. Москва, Варшавское ш., д. 9, стр. 1",
    phone: "+7 495 788-10-00",
    bank: {
      name: "АО «Альфа-Банк», г. Москва",
      bik: "044525593",
      correspondentAccount: "30101810200000000593",
      account: "40702810101300012345",
    },
    director: "Краус Д. А.",
    accountant: "Смирнова О. П.",
  },
  // Bonus points are credited at the initial status, i.e. on submission: orders emits no status-change events yet.
  finance: {
    actRequestIntervalHours: null,
    invoiceValidityDays: 5,
    bonus: { kopecksPerPoint: 100000, minOrderKopecks: 100000, creditAt: "new" },
  },
  documentTypes: [
    { code: "invoice", label: "Счет", formats: ["pdf", "xlsx"], availableAt: ["shipped"] },
    { code: "torg12", label: "ТОРГ-12", formats: ["pdf", "xlsx"], availableAt: ["shipped"] },
    { code: "upd", label: "УПД", formats: ["pdf", "xlsx"], availableAt: ["shipped"] },
    { code: "invoice_facture", label: "Счет-фактура", formats: ["pdf", "xlsx"], availableAt: ["shipped"] },
  ],
};
