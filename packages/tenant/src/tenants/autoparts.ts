import type { TenantDefinition } from "../definition.ts";

/** An auto-parts shop (seed 004): reservation, cumulative discounts, e-mail and SMS per status. */
export const autoparts: TenantDefinition = {
  slug: "autoparts",
  name: "АвтоДеталь",
  legalName: "ООО «АвтоДеталь»",
  inn: "5003076159",
  kpp: "500301001",
  contactEmail: "shop@autoparts.demo",
  description:
    "Запчасти для легковых и коммерческих автомобилей. Заказ полностью автоматизирован: резерв на складе до трех дней, персональный менеджер, документы по каждому заказу и накопительная скидка.",
  branding: {
    primary: "#f57c00",
    onPrimary: "#1a1a1a",
    accent: "#263238",
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 180 48" width="180" height="48"><rect width="180" height="48" rx="8" fill="#f57c00"/><text x="90" y="32" font-family="Arial,sans-serif" font-size="22" font-weight="700" fill="#1a1a1a" text-anchor="middle">АвтоДеталь</text></svg>',
  },
  features: {
    registration: "self_with_approval",
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
      { code: "reserve", label: "Резерв", category: "active", color: "#f0ad4e" },
      { code: "in_work", label: "В работе", category: "active", color: "#0275d8" },
      { code: "picking", label: "Комплектация", category: "active", color: "#5bc0de" },
      { code: "shipping", label: "Отгрузка", category: "active", color: "#7e57c2" },
      { code: "completed", label: "Выполнен", category: "done", color: "#2e7d32" },
      { code: "cancelled", label: "Отменен", category: "cancelled", color: "#c62828" },
    ],
    initial: "new",
    transitions: [
      // The system checks stock (~5 min) and reserves; the dealer then confirms within 3 days.
      { from: "new", to: "reserve", by: ["system"], label: "Зарезервировать товар" },
      { from: "reserve", to: "in_work", by: ["dealer"], label: "Подтвердить заказ" },
      { from: "in_work", to: "picking", by: ["manager"], label: "Оплата получена или согласована отсрочка" },
      { from: "picking", to: "shipping", by: ["manager"], label: "Готов к отгрузке" },
      { from: "shipping", to: "completed", by: ["manager", "system"], label: "Отгружен" },
      { from: "new", to: "cancelled", by: ["dealer", "manager"], label: "Отменить заказ" },
      { from: "reserve", to: "cancelled", by: ["dealer", "manager", "system"], label: "Снять резерв" },
      { from: "in_work", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
      { from: "picking", to: "cancelled", by: ["manager"], label: "Отменить заказ" },
    ],
  },
  requisites: {
    address: "443022, г. Самара, Заводское ш., д. 18",
    phone: "+7 846 200-40-40",
    bank: {
      name: "ПАО «Промсвязьбанк», г. Москва",
      bik: "044525555",
      correspondentAccount: "30101810400000000555",
      account: "40702810600000098765",
    },
    director: "Ковалёв М. Ю.",
    accountant: "Фролова Т. С.",
  },
  finance: { actRequestIntervalHours: null, invoiceValidityDays: 5, bonus: null },
  documentTypes: [
    // Seed 004: payment documents become available once the order is reserved.
    {
      code: "invoice",
      label: "Счет на оплату",
      formats: ["pdf", "xlsx"],
      availableAt: ["reserve", "in_work", "picking", "shipping", "completed"],
    },
    {
      code: "contract",
      label: "Договор",
      formats: ["pdf"],
      availableAt: ["reserve", "in_work", "picking", "shipping", "completed"],
    },
    { code: "upd", label: "УПД", formats: ["pdf"], availableAt: ["shipping", "completed"] },
  ],
};
