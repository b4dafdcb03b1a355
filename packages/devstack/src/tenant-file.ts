import { randomInt } from "node:crypto";
import { generatePassword, passwordProblem } from "@dpp/identity";
import type { DemoDataset, DemoMembership, DemoTenant, DemoUser } from "@dpp/seed";
import { isValidInn, parseTenantDefinition, type TenantDefinition } from "@dpp/tenant";
import postgres from "postgres";
import { z } from "zod";
import { seedPlatform } from "./seed.ts";

/**
 * A new supplier in one file: its tenant definition (brand, rules, workflow, documents — the one
 * schema in packages/tenant), its warehouses and catalogue, its staff and, optionally, its first
 * dealers. `npm run tenant:load -- <file>` validates all of it before writing anything.
 */
const kopecks = z.number().int().min(0);
const email = z.email().transform((e) => e.toLowerCase());
const person = z.object({
  email,
  fullName: z.string().min(1),
  phone: z.string().min(1).nullable().default(null),
  /** Omitted: a password is generated, printed once, and must be changed at first login. */
  password: z.string().min(8).optional(),
});

export const tenantFileSchema = z
  .object({
    definition: z.unknown(),
    warehouses: z
      .array(
        z.object({
          code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, "letters, digits, _ or -"),
          name: z.string().min(1),
          city: z.string().min(1),
          address: z.string().min(1),
        }),
      )
      .min(1),
    products: z
      .array(
        z.object({
          article: z.string().min(1),
          name: z.string().min(1),
          brand: z.string().nullable().default(null),
          series: z.string().nullable().default(null),
          unit: z.string().min(1).default("шт"),
          packMultiple: z.number().int().positive().default(1),
          minQuantity: z.number().int().positive().default(1),
          weightGrams: z.number().int().positive().nullable().default(null),
          volumeCm3: z.number().int().positive().nullable().default(null),
          priceGroup: z.string().nullable().default(null),
          /** Base price in kopecks, as the tenant's prices are (VAT included or not). */
          basePrice: kopecks,
          /** Quantity per warehouse code. */
          stock: z.record(z.string(), z.number().int().min(0)).default({}),
        }),
      )
      .min(1),
    staff: z.array(person.extend({ role: z.enum(["manager", "tenant_admin"]) })).min(1),
    dealers: z
      .array(
        z.object({
          company: z.string().min(1),
          counterparties: z
            .array(
              z.object({
                name: z.string().min(1),
                inn: z.string().refine(isValidInn, "not a valid INN (10 or 12 digits with the check digits)"),
                kpp: z
                  .string()
                  .regex(/^\d{9}$/, "9 digits")
                  .nullable()
                  .default(null),
                address: z.string().min(1),
              }),
            )
            .min(1),
          users: z.array(
            person.extend({
              role: z.enum(["dealer", "dealer_admin"]).default("dealer_admin"),
              permissions: z.array(z.string()).default(["orders.send", "finance.view", "stock.view"]),
            }),
          ),
          contract: z
            .object({
              number: z.string().min(1),
              signedOn: z.iso.date(),
              paymentTerms: z.enum(["prepayment", "deferral"]),
              deferralDays: z.number().int().min(0).default(0),
              creditLimit: kopecks.nullable().default(null),
            })
            .optional(),
        }),
      )
      .default([]),
  })
  .superRefine((f, ctx) => {
    const codes = new Set(f.warehouses.map((w) => w.code));
    if (codes.size !== f.warehouses.length)
      ctx.addIssue({ code: "custom", path: ["warehouses"], message: "duplicate warehouse code" });
    const articles = new Set<string>();
    f.products.forEach((p, i) => {
      if (articles.has(p.article))
        ctx.addIssue({ code: "custom", path: ["products", i, "article"], message: `duplicate article "${p.article}"` });
      articles.add(p.article);
      for (const code of Object.keys(p.stock)) {
        if (!codes.has(code))
          ctx.addIssue({
            code: "custom",
            path: ["products", i, "stock", code],
            message: `unknown warehouse "${code}"`,
          });
      }
    });
  });

export type TenantFile = z.input<typeof tenantFileSchema>;

export interface TenantLoadPlan {
  definition: TenantDefinition;
  dataset: DemoDataset;
  /** Logins whose password was generated here (shown once; changed at first login). */
  generated: { email: string; password: string }[];
}

/** Every problem in the file, one line each with its path; throws when there is any. */
export function parseTenantFile(input: unknown): {
  file: z.output<typeof tenantFileSchema>;
  definition: TenantDefinition;
} {
  const r = tenantFileSchema.safeParse(input);
  if (!r.success) {
    throw new Error(
      `invalid tenant file:\n${r.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n")}`,
    );
  }
  return { file: r.data, definition: parseTenantDefinition(r.data.definition) };
}

/**
 * The platform data set of one new tenant (pure apart from generated passwords). Ids derive from
 * the slug and positions, so loading the same file twice changes nothing; people who already have
 * a login (`existingUsers`: e-mail → user id) keep it and get a membership in the new tenant.
 */
export function planTenantLoad(input: unknown, existingUsers: ReadonlyMap<string, string>): TenantLoadPlan {
  const { file, definition } = parseTenantFile(input);
  const people = [...file.staff, ...file.dealers.flatMap((d) => d.users)];
  const weak = people.flatMap((p) => {
    const problem = p.password ? passwordProblem(definition.features.passwordPolicy, p.password) : null;
    return problem ? [`  - ${p.email}: ${problem}`] : [];
  });
  if (weak.length > 0) throw new Error(`invalid tenant file:\n${weak.join("\n")}`);
  const slug = definition.slug;
  const tenantId = `ten_${slug}`;
  const generated: TenantLoadPlan["generated"] = [];
  const users: DemoUser[] = [];
  const userIdOf = (p: z.output<typeof person>, key: string): string => {
    const known = existingUsers.get(p.email);
    if (known) return known;
    const id = `usr_${slug}_${key}`;
    if (!users.some((u) => u.id === id)) {
      const password = p.password ?? generatePassword(randomInt);
      if (!p.password) generated.push({ email: p.email, password });
      const mustChangePassword = !p.password;
      users.push({ id, email: p.email, password, fullName: p.fullName, phone: p.phone, mustChangePassword });
    }
    return id;
  };

  const warehouses = file.warehouses.map((w) => ({ id: `whs_${slug}_${w.code.toLowerCase()}`, ...w }));
  const whId = new Map(warehouses.map((w) => [w.code, w.id]));
  const products = file.products.map(({ stock: _stock, ...p }, i) => ({
    id: `prd_${slug}_${String(i + 1).padStart(4, "0")}`,
    ...p,
  }));
  const stock = file.products.flatMap((p, i) =>
    Object.entries(p.stock).map(([code, quantity]) => ({
      productId: products[i]?.id ?? "",
      warehouseId: whId.get(code) ?? "",
      quantity,
    })),
  );

  const memberships: DemoMembership[] = file.staff.map((s, i) => ({
    id: `mem_${slug}_staff_${i + 1}`,
    tenantId,
    userId: userIdOf(s, `staff_${i + 1}`),
    companyId: null,
    role: s.role,
    permissions: [],
  }));
  const companies: DemoDataset["companies"] = [];
  const contracts: DemoTenant["contracts"] = [];
  file.dealers.forEach((d, di) => {
    const companyId = `cmp_${slug}_${di + 1}`;
    const counterparties = d.counterparties.map((c, ci) => ({ id: `cpt_${slug}_${di + 1}_${ci + 1}`, ...c }));
    companies.push({ id: companyId, name: d.company, counterparties });
    d.users.forEach((u, ui) => {
      memberships.push({
        id: `mem_${slug}_dealer_${di + 1}_${ui + 1}`,
        tenantId,
        userId: userIdOf(u, `dealer_${di + 1}_${ui + 1}`),
        companyId,
        role: u.role,
        permissions: u.permissions,
      });
    });
    if (d.contract) {
      contracts.push({
        id: `ctr_${slug}_${di + 1}`,
        companyId,
        counterpartyId: counterparties[0]?.id ?? null,
        ...d.contract,
        shipments: [],
        payments: [],
      });
    }
  });

  const tenant: DemoTenant = { id: tenantId, definition, warehouses, products, stock, discounts: [], contracts };
  return { definition, dataset: { tenants: [tenant], users, companies, memberships }, generated };
}

/** The people of a file who already have a login on the platform (e-mail → user id). */
export async function existingUsers(appUrl: string, emails: readonly string[]): Promise<Map<string, string>> {
  const sql = postgres(appUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: string; email: string }[]>`
      select id, email from identity.users where email in ${sql([...emails])}`;
    return new Map(rows.map((r) => [r.email, r.id]));
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Validates a tenant file and loads it through every subgraph's own seed function. Nothing is
 * written unless the whole file is valid; loading it again changes nothing.
 */
export async function loadTenantFile(appUrl: string, input: unknown) {
  const { file, definition } = parseTenantFile(input);
  const emails = [...file.staff, ...file.dealers.flatMap((d) => d.users)].map((p) => p.email);
  const plan = planTenantLoad(input, await existingUsers(appUrl, emails));
  const sql = postgres(appUrl, { max: 1, onnotice: () => {} });
  const [known] = await sql<
    { n: number }[]
  >`select count(*)::int as n from identity.tenants where slug = ${definition.slug}`;
  await sql.end({ timeout: 5 });
  if ((known?.n ?? 0) > 0) return { ...plan, created: false };
  await seedPlatform(appUrl, plan.dataset);
  return { ...plan, created: true };
}
