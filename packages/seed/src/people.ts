import { completeInn } from "@dpp/tenant";
import type { DemoCompany, DemoMembership, DemoUser } from "./types.ts";

/** Every demo login uses this password; it satisfies all five tenants' password policies. */
export const DEMO_PASSWORD = "Demo-2026";

export const DEALER_PERMISSIONS = ["orders.send", "finance.view", "stock.view"];
/** Demo dealer admins may also manage their company's API keys (KEAZ «Доступ к изменению ключа API»). */
const ADMIN_PERMISSIONS = [...DEALER_PERMISSIONS, "api_keys.manage", "nomenclature.file"];

/** One demo dealer company per tenant; INN prefixes are completed with valid check digits. */
interface DealerSpec {
  slug: string;
  company: string;
  legalName: string;
  /** 9 digits for an organisation (10-digit INN), 10 for a sole proprietor (12-digit INN). */
  innPrefix: string;
  kpp: string | null;
  address: string;
  user: { fullName: string; phone: string };
  manager: { fullName: string; phone: string };
  /** price groups of this tenant with a discount for the company, basis points */
  discounts: [string, number][];
}

export const DEALERS: DealerSpec[] = [
  {
    slug: "wasserkraft",
    company: "ООО «Аквамир»",
    legalName: "ООО «Аквамир»",
    innPrefix: "772840961",
    kpp: "772801001",
    address: "117342, г. Москва, ул. Профсоюзная, д. 104, офис 12",
    user: { fullName: "Иванов Иван Иванович", phone: "+7 495 120-45-67" },
    manager: { fullName: "Берестова Алена Сергеевна", phone: "+7 495 788-10-20" },
    discounts: [
      ["Смесители", 1000],
      ["Аксессуары", 700],
    ],
  },
  {
    slug: "keaz",
    company: "ООО «ЭлектроКомплект»",
    legalName: "ООО «ЭлектроКомплект»",
    innPrefix: "463214570",
    kpp: "463201001",
    address: "305000, Курская обл., г. Курск, ул. Ленина, д. 1",
    user: { fullName: "Петров Сергей Николаевич", phone: "+7 4712 39-40-50" },
    manager: { fullName: "Кузнецова Марина Олеговна", phone: "+7 4712 39-99-01" },
    discounts: [
      ["OptiDin", 1200],
      ["OptiStart", 800],
    ],
  },
  {
    slug: "spectr",
    company: "ООО «Безопасный город»",
    legalName: "ООО «Безопасный город»",
    innPrefix: "665803317",
    kpp: "665801001",
    address: "620075, г. Екатеринбург, ул. Малышева, д. 51, офис 305",
    user: { fullName: "Синицына Татьяна Викторовна", phone: "+7 343 310-22-33" },
    manager: { fullName: "Орлова Екатерина Андреевна", phone: "+7 343 278-55-00" },
    discounts: [["Видеонаблюдение", 1500]],
  },
  {
    slug: "vitup",
    company: "Магазин «Семейный» (ИП Смирнова О. В.)",
    legalName: "ИП Смирнова Ольга Викторовна",
    innPrefix: "5024071583",
    kpp: null,
    address: "143402, Московская обл., г. Красногорск, ул. Ленина, д. 7",
    user: { fullName: "Смирнова Ольга Викторовна", phone: "+7 916 555-12-34" },
    manager: { fullName: "Соколов Андрей Павлович", phone: "+7 916 700-80-90" },
    discounts: [["Бытовая химия", 500]],
  },
  {
    slug: "autoparts",
    company: "ООО «АвтоСервис Плюс»",
    legalName: "ООО «АвтоСервис Плюс»",
    innPrefix: "503209826",
    kpp: "503201001",
    address: "143005, Московская обл., г. Одинцово, Можайское ш., д. 71",
    user: { fullName: "Васильев Дмитрий Олегович", phone: "+7 925 400-30-20" },
    manager: { fullName: "Морозов Павел Игоревич", phone: "+7 495 660-70-80" },
    discounts: [
      ["Ходовая и тормоза", 700],
      ["Фильтры и расходники", 500],
    ],
  },
];

/** One company, one login, three tenants (seed DOMAIN: "one company may deal with several tenants"). */
export const MULTIBRAND = {
  company: "ООО «ТехноСнаб»",
  innPrefix: "770732651",
  kpp: "770701001",
  address: "115114, г. Москва, Дербеневская наб., д. 11, корп. А",
  user: { fullName: "Ковалев Алексей Михайлович", phone: "+7 495 980-11-22" },
  tenants: ["wasserkraft", "keaz", "autoparts"],
  /** A second legal entity that buys from keaz only: the header's counterparty switcher shows both there. */
  second: {
    id: "cpt_multibrand_2",
    name: "ООО «ТехноСнаб-Регион»",
    innPrefix: "400702861",
    kpp: "400701001",
    address: "248000, г. Калуга, ул. Кирова, д. 19",
    tenants: ["keaz"],
  },
  discounts: {
    wasserkraft: [["Аксессуары", 500]],
    keaz: [
      ["OptiMat", 600],
      ["Аксессуары", 1000],
    ],
    autoparts: [["Фильтры и расходники", 800]],
  } as Record<string, [string, number][]>,
};

export interface People {
  users: DemoUser[];
  companies: DemoCompany[];
  memberships: DemoMembership[];
  /** discounts by tenant slug */
  discounts: Map<string, { companyId: string; priceGroup: string; percentBp: number }[]>;
}

export function buildPeople(): People {
  const users: DemoUser[] = [];
  const companies: DemoCompany[] = [];
  const memberships: DemoMembership[] = [];
  const discounts = new Map<string, { companyId: string; priceGroup: string; percentBp: number }[]>();
  const addDiscounts = (slug: string, companyId: string, list: [string, number][]): void => {
    const current = discounts.get(slug) ?? [];
    for (const [priceGroup, percentBp] of list) current.push({ companyId, priceGroup, percentBp });
    discounts.set(slug, current);
  };

  for (const d of DEALERS) {
    const companyId = `cmp_${d.slug}_1`;
    const dealerId = `usr_${d.slug}_dealer`;
    const managerId = `usr_${d.slug}_manager`;
    users.push(
      {
        id: dealerId,
        email: `dealer@${d.slug}.demo`,
        password: DEMO_PASSWORD,
        fullName: d.user.fullName,
        phone: d.user.phone,
      },
      {
        id: managerId,
        email: `manager@${d.slug}.demo`,
        password: DEMO_PASSWORD,
        fullName: d.manager.fullName,
        phone: d.manager.phone,
      },
    );
    companies.push({
      id: companyId,
      name: d.company,
      counterparties: [
        { id: `cpt_${d.slug}_1`, name: d.legalName, inn: completeInn(d.innPrefix), kpp: d.kpp, address: d.address },
      ],
    });
    memberships.push(
      {
        id: `mem_${d.slug}_dealer`,
        tenantId: `ten_${d.slug}`,
        userId: dealerId,
        companyId,
        role: "dealer_admin",
        permissions: [...ADMIN_PERMISSIONS],
      },
      {
        id: `mem_${d.slug}_manager`,
        tenantId: `ten_${d.slug}`,
        userId: managerId,
        companyId: null,
        role: "manager",
        permissions: [],
      },
    );
    addDiscounts(d.slug, companyId, d.discounts);
  }

  // Each supplier's tenant admin (/admin: rules, documents, branding, versions) and the platform
  // admin (/platform/tenants), who signs in to the first supplier's cabinet.
  for (const d of DEALERS) {
    users.push({
      id: `usr_${d.slug}_admin`,
      email: `admin@${d.slug}.demo`,
      password: DEMO_PASSWORD,
      fullName: "Администратор поставщика",
      phone: null,
    });
    memberships.push({
      id: `mem_${d.slug}_admin`,
      tenantId: `ten_${d.slug}`,
      userId: `usr_${d.slug}_admin`,
      companyId: null,
      role: "tenant_admin",
      permissions: [],
    });
  }
  users.push({
    id: "usr_platform_admin",
    email: "platform@dpp.demo",
    password: DEMO_PASSWORD,
    fullName: "Администратор платформы",
    phone: null,
  });
  memberships.push({
    id: "mem_platform_admin",
    tenantId: `ten_${DEALERS[0]?.slug}`,
    userId: "usr_platform_admin",
    companyId: null,
    role: "platform_admin",
    permissions: [],
  });

  const m = MULTIBRAND;
  const companyId = "cmp_multibrand_1";
  const userId = "usr_multibrand_dealer";
  users.push({
    id: userId,
    email: "dealer@multibrand.demo",
    password: DEMO_PASSWORD,
    fullName: m.user.fullName,
    phone: m.user.phone,
  });
  companies.push({
    id: companyId,
    name: m.company,
    counterparties: [
      { id: "cpt_multibrand_1", name: m.company, inn: completeInn(m.innPrefix), kpp: m.kpp, address: m.address },
      {
        id: m.second.id,
        name: m.second.name,
        inn: completeInn(m.second.innPrefix),
        kpp: m.second.kpp,
        address: m.second.address,
      },
    ],
  });
  for (const slug of m.tenants) {
    memberships.push({
      id: `mem_${slug}_multibrand`,
      tenantId: `ten_${slug}`,
      userId,
      companyId,
      role: "dealer_admin",
      permissions: [...ADMIN_PERMISSIONS],
      ...(m.second.tenants.includes(slug) ? {} : { counterpartyIds: ["cpt_multibrand_1"] }),
    });
    addDiscounts(slug, companyId, m.discounts[slug] ?? []);
  }
  return { users, companies, memberships, discounts };
}
