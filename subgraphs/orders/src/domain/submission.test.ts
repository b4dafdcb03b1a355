import { describe, expect, it } from "vitest";
import { checkSubmittable, formatOrderNumber, orderSubmittedEvent } from "./submission.ts";

describe("checkSubmittable", () => {
  it.each([
    [true, 2, null],
    [true, 0, "EMPTY_ORDER"],
    [false, 2, "NOT_A_DRAFT"],
    [false, 0, "NOT_A_DRAFT"],
  ] as const)("draft=%s with %i lines -> %s", (isDraft, lines, code) => {
    const r = checkSubmittable({ isDraft }, lines);
    if (code === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ code });
  });
});

describe("formatOrderNumber", () => {
  it.each([
    [1, "000001"],
    [42, "000042"],
    [1234567, "1234567"],
  ])("%i -> %s", (n, want) => {
    expect(formatOrderNumber(n)).toBe(want);
  });
  it("refuses zero", () => expect(() => formatOrderNumber(0)).toThrow(RangeError));
});

describe("orderSubmittedEvent", () => {
  it("carries what notifications need", () => {
    expect(
      orderSubmittedEvent({
        order: { id: "ord_1", userId: "usr_1", companyId: "cmp_1", currency: "RUB" },
        number: "000001",
        status: { code: "new", label: "Новый" },
        totals: { positions: 2, pieces: 17, amount: 4245640, vat: 707607 },
      }),
    ).toEqual({
      orderId: "ord_1",
      number: "000001",
      userId: "usr_1",
      companyId: "cmp_1",
      statusCode: "new",
      statusLabel: "Новый",
      total: { amount: 4245640, currency: "RUB" },
      lines: 2,
    });
  });
});
