import { describe, expect, it } from "vitest";
import { CHECKOUT_FIELDS, checkoutForm, checkoutOf, checkoutSchema, DEFAULT_CHECKOUT } from "./checkout.ts";
import { demoTenantDefinitions } from "./tenants/index.ts";

const opts = [{ code: "pickup", label: "Самовывоз" }];

describe("checkout form schema", () => {
  it.each([
    ["an empty section: every field hidden", {}, null],
    ["a shown choice with options", { deliveryMethod: { mode: "required", options: opts } }, null],
    ["a shown choice without options", { paymentOption: { mode: "optional" } }, "paymentOption.options"],
    ["options on a text field", { comment: { mode: "optional", options: opts } }, "comment.options"],
    ["duplicate option codes", { technicalService: { mode: "optional", options: [...opts, ...opts] } }, "options"],
    ["a required ship-in-parts box", { shipInParts: { mode: "required" } }, "shipInParts.mode"],
    ["an optional confirmation box", { confirmation: { mode: "optional" } }, "confirmation.mode"],
    ["an unknown mode", { comment: { mode: "maybe" } }, "comment.mode"],
    ["a default among the options", { deliveryMethod: { mode: "required", options: opts, default: "pickup" } }, null],
    ["a default not among them", { deliveryMethod: { mode: "required", options: opts, default: "drone" } }, "default"],
    ["a default on a text field", { comment: { mode: "optional", default: "x" } }, "comment.default"],
  ])("%s", (_, input, problem) => {
    const r = checkoutSchema.safeParse(input);
    if (problem === null) {
      expect(r.success).toBe(true);
      if (r.success) expect(Object.keys(r.data).sort()).toEqual([...CHECKOUT_FIELDS].sort());
    } else {
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.path.join("."))).toContainEqual(expect.stringContaining(problem));
    }
  });

  it("a definition without a checkout section gets the default: customer number and comment, optional", () => {
    expect(checkoutOf({})).toBe(DEFAULT_CHECKOUT);
    const shown = CHECKOUT_FIELDS.filter((k) => DEFAULT_CHECKOUT[k].mode !== "hidden");
    expect(shown).toEqual(["customerNumber", "comment"]);
  });

  it("checkoutForm hides every field it is not given", () => {
    const c = checkoutForm({ comment: { mode: "required" } });
    expect(CHECKOUT_FIELDS.filter((k) => c[k].mode !== "hidden")).toEqual(["comment"]);
  });

  it.each(demoTenantDefinitions.map((d) => [d.slug, d] as const))("%s: its checkout form is valid", (_, d) => {
    expect(checkoutSchema.safeParse(d.checkout).success).toBe(true);
  });
});
