import { z } from "zod";
import { checkoutSchema } from "./checkout.ts";
import { workflowSchema } from "./workflow.ts";

/**
 * One schema for everything a tenant (supplier) configures as data: branding, rules, the order
 * workflow and its documents. Code reads these values; it never branches on a tenant's name.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a lower-case code (a-z, 0-9, _)");

export const brandingSchema = z.object({
  /** Main brand colour (header, buttons). */
  primary: hexColor,
  /** Text colour on top of `primary`; must keep WCAG AA contrast with it. */
  onPrimary: hexColor,
  accent: hexColor,
  /** A simple SVG logo (inline markup). */
  logoSvg: z.string().startsWith("<svg"),
});

export const documentTypeSchema = z.object({
  code,
  label: z.string().min(1),
  formats: z.array(z.enum(["pdf", "xlsx", "html"])).min(1),
  /** Status codes at which the document is available to the dealer. */
  availableAt: z.array(code),
});

export const featuresSchema = z.object({
  registration: z.enum(["self_with_approval", "email_then_questionnaire", "manager_invitation", "staff_created"]),
  passwordPolicy: z.object({
    minLength: z.number().int().min(6),
    requireDigit: z.boolean(),
    requireLower: z.boolean(),
    requireUpper: z.boolean(),
  }),
  /** The questionnaire's "Вы *" choice (email_then_questionnaire); one is required when the list is not empty. */
  customerTypes: z.array(z.string().min(1)).optional(),
  navigation: z.enum(["series", "brand", "group"]),
  packRounding: z.boolean(),
  multipleDrafts: z.boolean(),
  minSearchChars: z.number().int().min(1).max(20),
  /** Hours an order's stock reservation is held awaiting the dealer (reserve_stock); absent or null: no expiry. */
  reserveHoldHours: z.number().int().positive().nullable().optional(),
  /** Order import: a product short of stock gets only the available quantity (discontinued products always do). */
  orderUpToStock: z.boolean().optional(),
  /** A warehouse's available quantity of a product falling to this or below emits `stock.low` (webhooks); absent: never. */
  lowStockThreshold: z.number().int().min(0).optional(),
  /** Dealers that are distributors keep their own warehouses and stock in the cabinet (keaz). */
  distributorNetwork: z.boolean().optional(),
  /** Managers send dealers presentations: personal offers with a discount and retail prices (spectr). */
  presentations: z.boolean().optional(),
  /** Dealers correspond with the supplier's managers in feedback tickets («Обратная связь», spectr). */
  feedbackTickets: z.boolean().optional(),
  stockDisplay: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("exact") }),
    z.object({ mode: z.literal("threshold"), threshold: z.number().int().positive() }),
  ]),
  /**
   * Lead times (available-to-promise), in business days of a production calendar: what is in
   * stock ships in `shippingDays`; the missing part takes `replenishmentDays` (replenishment or
   * production), per warehouse code where it differs. Absent: the tenant shows no lead times.
   */
  leadTime: z
    .object({
      shippingDays: z.number().int().min(0).max(60),
      replenishmentDays: z.number().int().min(1).max(365),
      replenishmentDaysByWarehouse: z.record(z.string().min(1), z.number().int().min(1).max(365)).optional(),
      calendar: z.enum(["ru"]),
    })
    .optional(),
});

export const pricingSchema = z.object({
  currency: z.literal("RUB"),
  /** Basis points: 2000 = 20 %. */
  vatRateBp: z.number().int().min(0).max(10000),
  pricesIncludeVat: z.boolean(),
  vatRounding: z.enum(["per_line", "per_document"]),
});

/** The supplier's requisites printed on documents (bank details, address, signatories). */
export const requisitesSchema = z.object({
  address: z.string().min(1),
  phone: z.string().min(1),
  bank: z.object({
    name: z.string().min(1),
    bik: z.string().regex(/^\d{9}$/),
    correspondentAccount: z.string().regex(/^\d{20}$/),
    account: z.string().regex(/^\d{20}$/),
  }),
  director: z.string().min(1),
  accountant: z.string().min(1),
});

/** Finance rules: act request limit, invoice validity, bonus points. */
export const financeSettingsSchema = z.object({
  /** Hours a dealer waits between reconciliation act requests (keaz: 24); null: no limit. */
  actRequestIntervalHours: z.number().int().positive().nullable(),
  /** Days a prepayment invoice stays valid (its due date). */
  invoiceValidityDays: z.number().int().min(1).max(90),
  /** Bonus points: one point per full `kopecksPerPoint` of an order of at least `minOrderKopecks`, credited when the order reaches `creditAt`. */
  bonus: z
    .object({
      kopecksPerPoint: z.number().int().positive(),
      minOrderKopecks: z.number().int().min(0),
      creditAt: code,
    })
    .nullable(),
});

export const tenantDefinitionSchema = z
  .object({
    slug: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
    name: z.string().min(1),
    legalName: z.string().min(1),
    inn: z.string().regex(/^\d{10}$/),
    kpp: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
    contactEmail: z.email(),
    description: z.string(),
    branding: brandingSchema,
    features: featuresSchema,
    pricing: pricingSchema,
    workflow: workflowSchema,
    documentTypes: z.array(documentTypeSchema),
    requisites: requisitesSchema.optional(),
    finance: financeSettingsSchema.optional(),
    /** The checkout form's fields (checkout.ts); absent: DEFAULT_CHECKOUT (customer number and comment). */
    checkout: checkoutSchema.optional(),
  })
  .superRefine((t, ctx) => {
    const codes = new Set(t.workflow.statuses.map((s) => s.code));
    const bonusAt = t.finance?.bonus?.creditAt;
    if (bonusAt && !codes.has(bonusAt))
      ctx.addIssue({
        code: "custom",
        path: ["finance", "bonus", "creditAt"],
        message: `finance.bonus.creditAt: unknown status "${bonusAt}"`,
      });
    t.documentTypes.forEach((d, i) => {
      d.availableAt.forEach((s, j) => {
        if (!codes.has(s))
          ctx.addIssue({
            code: "custom",
            path: ["documentTypes", i, "availableAt", j],
            message: `document ${d.code}: unknown status "${s}"`,
          });
      });
    });
  });

export type TenantDefinition = z.infer<typeof tenantDefinitionSchema>;
export type DocumentType = z.infer<typeof documentTypeSchema>;
export type Branding = z.infer<typeof brandingSchema>;
export type Requisites = z.infer<typeof requisitesSchema>;
export type FinanceSettings = z.infer<typeof financeSettingsSchema>;

/** Parses a tenant definition; throws a readable error listing every problem with its path. */
export function parseTenantDefinition(input: unknown): TenantDefinition {
  const r = tenantDefinitionSchema.safeParse(input);
  if (r.success) return r.data;
  throw new Error(
    `invalid tenant definition:\n${r.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`).join("\n")}`,
  );
}
