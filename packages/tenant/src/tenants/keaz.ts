import type { TenantDefinition } from "../definition.ts";

/** KEAZ: electrical equipment manufacturer selling to distributors (seed 001). */
export const keaz: TenantDefinition = {
  slug: "keaz",
  name: "КЭАЗ",
  legalName: "АО «Курский электроаппаратный завод»",
  inn: "4632007819",
  kpp: "463201001",
  contactEmail: "office@keaz.demo",
  description:
    "Производитель низковольтного электротехнического оборудования. Личный кабинет дистрибьютора: черновики заказов, счета, отправка в производство, готовность и отгрузки, взаиморасчеты и загрузка остатков.",
  branding: {
    primary: "#c8102e",
    onPrimary: "#ffffff",
    accent: "#3a3a3a",
    logoSvg:
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 48" width="120" height="48"><rect width="120" height="48" rx="8" fill="#c8102e"/><text x="60" y="33" font-family="Arial,sans-serif" font-size="24" font-weight="700" fill="#ffffff" text-anchor="middle">КЭАЗ</text></svg>',
  },
  features: {
    registration: "email_then_questionnaire",
    passwordPolicy: { minLength: 8, requireDigit: true, requireLower: true, requireUpper: true },
    customerTypes: [
      "Федеральная сетевая компания",
      "Дистрибьютор",
      "Сборщик щитового оборудования",
      "OEM-потребитель",
      "DIY сеть",
      "Государственное предприятие",
      "Крупная корпорация",
      "Проектный институт",
      "Проектировщик",
      "Инженер",
      "Электрик",
      "Электромонтажник",
      "Индивидуальный пользователь",
      "Индивидуальный предприниматель",
      "Розничная торговля",
      "Сотрудник точки продаж",
      "Студент",
    ],
    navigation: "group",
    packRounding: true,
    multipleDrafts: true,
    minSearchChars: 6,
    stockDisplay: { mode: "exact" },
  },
  pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true, vatRounding: "per_line" },
  workflow: {
    // Drafts and commercial proposals live before submission; "Получить счет" submits the draft.
    statuses: [
      { code: "invoiced", label: "Получен счет", category: "active", color: "#f0ad4e" },
      { code: "production", label: "В производстве", category: "active", color: "#0275d8" },
      { code: "completed", label: "Выполнен", category: "done", color: "#2e7d32" },
      { code: "rejected", label: "Отклонен", category: "cancelled", color: "#c62828" },
    ],
    initial: "invoiced",
    transitions: [
      // Dealers with payment deferral send to production themselves; prepaid orders go on full payment.
      { from: "invoiced", to: "production", by: ["dealer", "system"], label: "Отправить в производство" },
      { from: "production", to: "completed", by: ["manager", "system"], label: "Заказ отгружен покупателю" },
      { from: "invoiced", to: "rejected", by: ["manager", "system"], label: "Отклонить заказ" },
      { from: "production", to: "rejected", by: ["manager"], label: "Прекратить выполнение заказа" },
    ],
  },
  requisites: {
    address: "305000, г. Курск, ул. Луначарского, д. 8",
    phone: "+7 4712 39-99-99",
    bank: {
      name: "ПАО Сбербанк, г. Москва",
      bik: "044525225",
      correspondentAccount: "30101810400000000225",
      account: "40702810900000012345",
    },
    director: "Шумаков А. В.",
    accountant: "Лебедева Е. В.",
  },
  finance: { actRequestIntervalHours: 24, invoiceValidityDays: 5, bonus: null },
  documentTypes: [
    {
      code: "invoice",
      label: "Счет на оплату",
      formats: ["html", "xlsx", "pdf"],
      availableAt: ["invoiced", "production", "completed"],
    },
    {
      code: "commercial_proposal",
      label: "Коммерческое предложение",
      formats: ["pdf", "xlsx"],
      availableAt: ["invoiced", "production", "completed", "rejected"],
    },
    { code: "waybill", label: "Товарная накладная", formats: ["pdf", "xlsx"], availableAt: ["completed"] },
  ],
};
