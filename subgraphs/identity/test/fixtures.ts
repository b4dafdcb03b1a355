import { demoTenantDefinitions, type TenantDefinition } from "@dpp/tenant";
import type { IdentitySeedData } from "../src/index.ts";

function definition(slug: string): TenantDefinition {
  const d = demoTenantDefinitions.find((t) => t.slug === slug);
  if (!d) throw new Error(`demo tenant ${slug} is missing`);
  return d;
}

export const KEAZ = "ten_keaz";
export const WK = "ten_wasserkraft";
export const PASSWORD = "Demo-password-1";
const DEALER = ["orders.send", "finance.view", "stock.view"];

/** Two tenants; one dealer in both, one only in keaz, one only in wasserkraft. */
export const dataset: IdentitySeedData = {
  tenants: [
    { id: KEAZ, definition: definition("keaz") },
    { id: WK, definition: definition("wasserkraft") },
  ],
  users: [
    { id: "usr_multi", email: "Multi@Example.RU", password: PASSWORD, fullName: "Иванов Иван", phone: null },
    {
      id: "usr_keaz",
      email: "only.keaz@example.ru",
      password: PASSWORD,
      fullName: "Петров Пётр",
      phone: "+7 900 000-00-01",
    },
    { id: "usr_wk", email: "only.wk@example.ru", password: PASSWORD, fullName: "Сидорова Анна", phone: null },
  ],
  companies: [
    {
      id: "cmp_elektro",
      name: "Электромир",
      counterparties: [
        { id: "cpt_1", name: "ООО «Электромир»", inn: "7707083893", kpp: "770701001", address: "Москва" },
        { id: "cpt_2", name: "ИП Иванов И. И.", inn: "500100732259", kpp: null, address: null },
      ],
    },
    { id: "cmp_santeh", name: "Сантехника Плюс", counterparties: [] },
  ],
  memberships: [
    {
      id: "mem_1",
      tenantId: KEAZ,
      userId: "usr_multi",
      companyId: "cmp_elektro",
      role: "dealer_admin",
      permissions: DEALER,
    },
    {
      id: "mem_2",
      tenantId: WK,
      userId: "usr_multi",
      companyId: "cmp_elektro",
      role: "dealer",
      permissions: ["orders.send"],
    },
    { id: "mem_3", tenantId: KEAZ, userId: "usr_keaz", companyId: "cmp_elektro", role: "dealer", permissions: DEALER },
    { id: "mem_4", tenantId: WK, userId: "usr_wk", companyId: "cmp_santeh", role: "dealer", permissions: DEALER },
  ],
};
