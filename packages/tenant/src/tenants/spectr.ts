import type { TenantDefinition } from "../definition.ts";

/** Spectr-SB: security equipment of many brands (seed 002). */
export const spectr: TenantDefinition = {
  slug: "spectr",
  name: "Спектр-СБ",
  legalName: "ООО «Спектр-СБ»",
  inn: "6671052382",
  kpp: "667101001",
  contactEmail: "robot@spectr.demo",
  description:
    "Оборудование систем безопасности: видеонаблюдение, охранно-пожарная сигнализация, домофония, контроль доступа. Презентации от персонального менеджера, корзина, заказы с комментариями и полная история работы.",
  branding: {
    primary: "#1d3f72",
    onPrimary: "#ffffff",
    accent: "#e53935",
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 48" width="180" height="48"><rect width="180" height="48" rx="8" fill="#1d3f72"/><text x="90" y="32" font-family="Arial,sans-serif" font-size="22" font-weight="700" fill="#ffffff" text-anchor="middle">Спектр-СБ</text></svg>',
  },
  features: {
    registration: "manager_invitation",
    passwordPolicy: { minLength: 6, requireDigit: true, requireLower: false, requireUpper: false },
    navigation: "brand",
    packRounding: false,
    multipleDrafts: false,
    minSearchChars: 3,
    stockDisplay: { mode: "exact" },
  },
  pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true, vatRounding: "per_document" },
  workflow: {
    statuses: [
      { code: "new", label: "Новый", category: "active", color: "#6c757d" },
      { code: "in_work", label: "В работе", category: "active", color: "#0275d8" },
      { code: "shipped", label: "Отгружен", category: "active", color: "#5bc0de" },
      { code: "completed", label: "Выполнен", category: "done", color: "#2e7d32" },
      { code: "cancelled", label: "Отменен", category: "cancelled", color: "#c62828" },
    ],
    initial: "new",
    transitions: [
      // The dealer's manager, or the first free manager of the pool, takes the order.
      { from: "new", to: "in_work", by: ["manager"], label: "Принять в работу" },
      { from: "in_work", to: "shipped", by: ["manager"], label: "Отгрузить" },
      { from: "shipped", to: "completed", by: ["manager", "system"], label: "Завершить заказ" },
      { from: "new", to: "cancelled", by: ["dealer", "manager"], label: "Отменить заказ" },
      { from: "in_work", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
    ],
  },
  requisites: {
    address: "620026, г. Екатеринбург, ул. Белинского, д. 86",
    phone: "+7 343 222-11-00",
    bank: {
      name: "ПАО «Банк «Екатеринбург»",
      bik: "046577904",
      correspondentAccount: "30101810500000000904",
      account: "40702810200000054321",
    },
    director: "Горбунов С. И.",
    accountant: "Зайцева Н. А.",
  },
  finance: { actRequestIntervalHours: null, invoiceValidityDays: 5, bonus: null },
  documentTypes: [
    {
      code: "invoice",
      label: "Счет",
      formats: ["pdf", "xlsx"],
      availableAt: ["new", "in_work", "shipped", "completed"],
    },
    { code: "torg12", label: "ТОРГ-12", formats: ["pdf", "xlsx"], availableAt: ["shipped", "completed"] },
    { code: "upd", label: "УПД", formats: ["pdf"], availableAt: ["shipped", "completed"] },
  ],
};
