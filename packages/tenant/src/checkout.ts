import { z } from "zod";

/**
 * The checkout form («Оформление заказа») as a tenant configures it: which fields a dealer sees,
 * which are required, and the choices where the tenant offers a fixed list. Counterparties,
 * contracts and warehouses are the dealer's own (identity, finance, inventory), not listed here.
 */
export const CHECKOUT_FIELDS = [
  "counterparty",
  "contract",
  "consignee",
  "deliveryAddress",
  "warehouse",
  "deliveryMethod",
  "paymentOption",
  "shipInParts",
  "plannedDate",
  "technicalService",
  "customerNumber",
  "comment",
  "confirmation",
] as const;
export type CheckoutFieldKey = (typeof CHECKOUT_FIELDS)[number];

/** Fields whose choices are the tenant's list (`options`). */
export const CHECKOUT_OPTION_FIELDS = ["deliveryMethod", "paymentOption", "technicalService"] as const;

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a lower-case code (a-z, 0-9, _)");

export const checkoutOptionSchema = z.object({ code, label: z.string().min(1), labelEn: z.string().min(1).optional() });

export const checkoutFieldSchema = z.object({
  /** hidden: not asked (and refused when sent); optional; required: submission refused without it. */
  mode: z.enum(["hidden", "optional", "required"]),
  /** The tenant's own label in Russian, e.g. «Я проверил содержимое заказа»; absent: the platform's. */
  label: z.string().min(1).max(200).optional(),
  /** The choices of deliveryMethod, paymentOption and technicalService. */
  options: z.array(checkoutOptionSchema).optional(),
  /** deliveryMethod, paymentOption: the option taken when the dealer chooses none (a required field is then met). */
  default: code.optional(),
});

const hidden = { mode: "hidden" } as const;
const optional = { mode: "optional" } as const;
const field = checkoutFieldSchema.default(hidden);

/** A tenant without a checkout section: the customer's number and a comment, both optional. */
export const DEFAULT_CHECKOUT: Checkout = {
  counterparty: hidden,
  contract: hidden,
  consignee: hidden,
  deliveryAddress: hidden,
  warehouse: hidden,
  deliveryMethod: hidden,
  paymentOption: hidden,
  shipInParts: hidden,
  plannedDate: hidden,
  technicalService: hidden,
  customerNumber: optional,
  comment: optional,
  confirmation: hidden,
};

export const checkoutSchema = z
  .object({
    /** The buyer legal entity; defaults to the session's active counterparty (claim ctp). */
    counterparty: field,
    /** One of the company's contracts with the tenant (finance). */
    contract: field,
    /** Грузополучатель, free text. */
    consignee: field,
    /** Free text; saved per company and offered on the next order. */
    deliveryAddress: field,
    /** One of the tenant's warehouses (inventory) to ship from. */
    warehouse: field,
    deliveryMethod: field,
    paymentOption: field,
    /** A box: the order may ship in parts. */
    shipInParts: field,
    /** The day the dealer plans the purchase for. */
    plannedDate: field,
    /** Services of the tenant's list, any number of them. */
    technicalService: field,
    /** The customer's own number of the order. */
    customerNumber: field,
    comment: field,
    /** «Я проверил содержимое заказа»: hidden, or required (must be ticked). */
    confirmation: field,
  })
  .superRefine((c, ctx) => {
    for (const key of CHECKOUT_FIELDS) {
      const f = c[key];
      const choice = (CHECKOUT_OPTION_FIELDS as readonly string[]).includes(key);
      if (choice && f.mode !== "hidden" && !f.options?.length)
        ctx.addIssue({ code: "custom", path: [key, "options"], message: "a shown choice needs at least one option" });
      if (!choice && f.options)
        ctx.addIssue({ code: "custom", path: [key, "options"], message: "only choice fields have options" });
      const codes = (f.options ?? []).map((o) => o.code);
      if (new Set(codes).size !== codes.length)
        ctx.addIssue({ code: "custom", path: [key, "options"], message: "option codes must be unique" });
      if (f.default !== undefined && (key === "technicalService" || !codes.includes(f.default)))
        ctx.addIssue({ code: "custom", path: [key, "default"], message: "the default must be one of the options" });
      if (key === "shipInParts" && f.mode === "required")
        ctx.addIssue({ code: "custom", path: [key, "mode"], message: "a ship-in-parts box cannot be required" });
      if (key === "confirmation" && f.mode === "optional")
        ctx.addIssue({ code: "custom", path: [key, "mode"], message: "the confirmation box is hidden or required" });
    }
  });

export type CheckoutField = z.infer<typeof checkoutFieldSchema>;
export type CheckoutOption = z.infer<typeof checkoutOptionSchema>;
export type Checkout = z.infer<typeof checkoutSchema>;

/** A checkout form from the fields a tenant uses; every other field hidden. */
export function checkoutForm(fields: Partial<Checkout>): Checkout {
  return { ...Object.fromEntries(CHECKOUT_FIELDS.map((k) => [k, hidden])), ...fields } as Checkout;
}

/** A definition's checkout form, or the default for a tenant that configures none. */
export function checkoutOf(definition: { checkout?: Checkout | undefined }): Checkout {
  return definition.checkout ?? DEFAULT_CHECKOUT;
}
