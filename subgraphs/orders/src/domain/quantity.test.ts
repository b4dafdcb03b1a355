import { describe, expect, it } from "vitest";
import { normalizeQuantity } from "./quantity.ts";

const rule = (packMultiple: number, minQuantity: number, packRounding: boolean) => ({
  packMultiple,
  minQuantity,
  packRounding,
  article: "OptiDin BM63",
});

describe("normalizeQuantity", () => {
  it.each([
    // requested, pack, min, rounding -> quantity or error code
    { requested: 5, pack: 1, min: 1, rounding: false, want: 5 },
    { requested: 12, pack: 12, min: 1, rounding: false, want: 12 },
    { requested: 7, pack: 5, min: 1, rounding: true, want: 10 },
    { requested: 10, pack: 5, min: 1, rounding: true, want: 10 },
    { requested: 11, pack: 5, min: 1, rounding: true, want: 15 },
    { requested: 1, pack: 12, min: 1, rounding: true, want: 12 },
    { requested: 7, pack: 5, min: 1, rounding: false, want: "NOT_A_PACK_MULTIPLE" },
    { requested: 0, pack: 1, min: 1, rounding: false, want: "INVALID_QUANTITY" },
    { requested: -3, pack: 1, min: 1, rounding: true, want: "INVALID_QUANTITY" },
    { requested: 1.5, pack: 1, min: 1, rounding: true, want: "INVALID_QUANTITY" },
    { requested: 2, pack: 1, min: 3, rounding: false, want: "BELOW_MINIMUM_QUANTITY" },
    { requested: 3, pack: 5, min: 10, rounding: true, want: "BELOW_MINIMUM_QUANTITY" },
    { requested: 3, pack: 1, min: 3, rounding: false, want: 3 },
  ])("$requested (pack $pack, min $min, rounding $rounding) -> $want", (c) => {
    const r = normalizeQuantity(c.requested, rule(c.pack, c.min, c.rounding));
    if (typeof c.want === "number") expect(r).toEqual({ quantity: c.want });
    else expect(r).toMatchObject({ kind: "order_error", code: c.want });
  });

  it("names the article and the pack in Russian", () => {
    const r = normalizeQuantity(7, rule(5, 1, false));
    expect("message" in r && r.message).toContain("OptiDin BM63");
    expect("message" in r && r.message).toContain("по 5 шт.");
  });
});
