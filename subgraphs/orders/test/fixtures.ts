import { createServer as createCatalog, seedCatalog } from "@dpp/catalog";
import { TEST_INTERNAL_SECRET } from "@dpp/testkit";
import { createServer, type OrdersSeedTenant, seedOrders } from "../src/index.ts";

type Def = OrdersSeedTenant["definition"];

const features = (packRounding: boolean): Def["features"] => ({
  registration: "self_with_approval",
  passwordPolicy: { minLength: 6, requireDigit: false, requireLower: false, requireUpper: false },
  navigation: "series",
  packRounding,
  multipleDrafts: true,
  minSearchChars: 3,
  stockDisplay: { mode: "exact" },
});

type Wf = Def["workflow"];
const status = (code: string, label: string, category: Wf["statuses"][number]["category"], color: string) => ({
  code,
  label,
  labelEn: code,
  category,
  color,
  editableBy: [],
  tab: "orders",
});
const step = (from: string, to: string, by: Wf["transitions"][number]["by"], label: string) => ({
  from,
  to,
  by,
  label,
  labelEn: label,
  guards: [],
  effects: [],
});
const workflow = (statuses: Wf["statuses"], transitions: Wf["transitions"]): Wf => ({
  statuses,
  initial: statuses[0]?.code ?? "",
  tabs: [
    { code: "drafts", label: "Черновики", labelEn: "Drafts", kind: "drafts" },
    { code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" },
  ],
  transitions,
  managerPool: false,
  managerEdit: { effects: [] },
});

/** Prices include VAT, VAT per document, no pack rounding, workflow starting at "new". */
export const tenantA: Def = {
  features: features(false),
  pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true, vatRounding: "per_document" },
  workflow: workflow(
    [status("new", "Новый", "active", "#6c757d"), status("shipped", "Отгружен", "done", "#2e7d32")],
    [step("new", "shipped", ["manager"], "Отгрузить")],
  ),
};

/** Prices exclude VAT, VAT per line, pack rounding, workflow starting at "invoiced". */
export const tenantB: Def = {
  features: features(true),
  pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: false, vatRounding: "per_line" },
  workflow: workflow(
    [
      status("invoiced", "Получен счет", "active", "#f0ad4e"),
      status("production", "В производстве", "done", "#0275d8"),
    ],
    [step("invoiced", "production", ["dealer"], "Отправить в производство")],
  ),
};

export const product = (
  id: string,
  article: string,
  name: string,
  basePrice: number,
  opts: {
    packMultiple?: number;
    minQuantity?: number;
    priceGroup?: string;
    unit?: string;
    weightGrams?: number;
    volumeCm3?: number;
  } = {},
) => ({
  id,
  article,
  name,
  brand: null,
  series: null,
  unit: opts.unit ?? "шт",
  weightGrams: opts.weightGrams ?? null,
  volumeCm3: opts.volumeCm3 ?? null,
  packMultiple: opts.packMultiple ?? 1,
  minQuantity: opts.minQuantity ?? 1,
  priceGroup: opts.priceGroup ?? "A",
  basePrice,
});

/**
 * Two tenants in catalog and orders. ten_a: prices include VAT, cmp_1 has 12.5 % off group B,
 * no pack rounding. ten_b: prices exclude VAT, pack rounding.
 */
export async function seedFixtures(adminUrl: string): Promise<void> {
  const catalog = await createCatalog({ databaseUrl: adminUrl, internalTokenSecret: TEST_INTERNAL_SECRET });
  await seedCatalog(catalog.db, [
    {
      id: "ten_a",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: true },
      products: [
        product("prd_a1", "0983", "Смеситель для кухни Aller", 768200),
        product("prd_a2", "0983X", "Полка стеклянная", 100000, { priceGroup: "B" }),
        product("prd_a3", "PK-6", "Комплект прокладок", 5000, {
          packMultiple: 6,
          unit: "компл",
          weightGrams: 230,
          volumeCm3: 150,
        }),
      ],
      discounts: [{ companyId: "cmp_1", priceGroup: "B", percentBp: 1250, validFrom: "2020-01-01", validUntil: null }],
    },
    {
      id: "ten_b",
      pricing: { currency: "RUB", vatRateBp: 2000, pricesIncludeVat: false },
      products: [
        product("prd_b1", "OptiDin BM63", "Выключатель автоматический", 28100, { weightGrams: 115 }),
        product("prd_b2", "OptiMat D", "Рубильник", 150000, { packMultiple: 5, minQuantity: 10 }),
      ],
      discounts: [],
    },
  ]);
  await catalog.stop();
  const orders = await createServer({
    databaseUrl: adminUrl,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    catalogUrl: "http://127.0.0.1:1",
    financeUrl: "http://127.0.0.1:1",
    inventoryUrl: "http://127.0.0.1:1",
  });
  const tenants = [
    { id: "ten_a", definition: tenantA },
    { id: "ten_b", definition: tenantB },
  ];
  await seedOrders(orders.db, tenants);
  await seedOrders(orders.db, tenants); // idempotent
  await orders.stop();
}
