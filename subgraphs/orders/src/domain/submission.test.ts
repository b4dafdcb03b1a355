import { describe, expect, it } from "vitest";
import {
  checkIdempotencyKey,
  checkIdempotentReplay,
  checkSubmittable,
  formatOrderNumber,
  orderSubmittedEvent,
  submissionFingerprint,
} from "./submission.ts";

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
        totals: { positions: 2, amount: 4245640 },
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
      counterpartyId: null,
      contractId: null,
    });
  });

  it("carries the buyer counterparty and the checkout's contract (finance files the invoice under them)", () => {
    const e = orderSubmittedEvent({
      order: {
        id: "ord_1",
        userId: "usr_1",
        companyId: "cmp_1",
        currency: "RUB",
        counterpartyId: "ctp_2",
        checkout: { contract: { id: "ctr_2" } },
      },
      number: "000002",
      status: { code: "new", label: "Новый" },
      totals: { positions: 1, amount: 100 },
    });
    expect(e).toMatchObject({ counterpartyId: "ctp_2", contractId: "ctr_2" });
  });
});

describe("idempotent submission", () => {
  const fp = submissionFingerprint({ orderId: "ord_1", checkout: { comment: "к пятнице", deliveryAddress: "Курск" } });
  it.each([
    [{ orderId: "ord_1", checkout: { comment: "к пятнице", deliveryAddress: "Курск" } }, "replay"],
    [{ orderId: "ord_1", checkout: { comment: null, deliveryAddress: "Курск" } }, "IDEMPOTENCY_KEY_REUSED"],
    [{ orderId: "ord_1", checkout: { comment: "к пятнице", deliveryAddress: "Орел" } }, "IDEMPOTENCY_KEY_REUSED"],
    [{ orderId: "ord_2", checkout: { comment: "к пятнице", deliveryAddress: "Курск" } }, "IDEMPOTENCY_KEY_REUSED"],
  ])("a repeat of %o: %s", (body, want) => {
    const r = checkIdempotentReplay({ submissionFingerprint: fp }, submissionFingerprint(body));
    expect(r === "replay" ? r : r.code).toBe(want);
  });

  it.each([
    ["0f8c6a2e-7d1b-4b39-9a57-3b0f2f0e9c11", null],
    ["", "INVALID_IDEMPOTENCY_KEY"],
    ["с пробелом и кириллицей", "INVALID_IDEMPOTENCY_KEY"],
    ["x".repeat(201), "INVALID_IDEMPOTENCY_KEY"],
  ])("key %s", (key, code) => {
    expect(checkIdempotencyKey(key)?.code ?? null).toBe(code);
  });
});
