import { describe, expect, it } from "vitest";
import { balanceHistory, balanceOf, creditDecision, invoiceDueOn, overdueDebt, shipmentDueOn } from "./ledger.ts";

const deferral30 = { paymentTerms: "deferral" as const, deferralDays: 30, creditLimit: 100_000_00 };
const prepay = { paymentTerms: "prepayment" as const, deferralDays: 0, creditLimit: null };
const ships = [
  { date: "2026-01-10", amount: 40_000_00 },
  { date: "2026-02-20", amount: 30_000_00 },
];

describe("due dates", () => {
  it.each([
    [deferral30, "2026-01-10", "2026-02-09"],
    [prepay, "2026-01-10", "2026-01-10"],
  ])("shipment under %o on %s is due %s", (terms, shipped, due) => {
    expect(shipmentDueOn(terms, shipped)).toBe(due);
  });
  it("invoice: validity under prepayment, deferral otherwise", () => {
    expect(invoiceDueOn(prepay, "2026-12-30", 5)).toBe("2027-01-04");
    expect(invoiceDueOn(deferral30, "2026-01-10", 5)).toBe("2026-02-09");
  });
});

describe("balance and overdue debt", () => {
  it.each([
    ["nothing paid, nothing due yet", [], "2026-02-01", 40_000_00, 0],
    ["nothing paid, the first shipment due", [], "2026-02-10", 40_000_00, 40_000_00],
    ["part paid", [{ date: "2026-02-05", amount: 25_000_00 }], "2026-02-10", 15_000_00, 15_000_00],
    ["both due, all paid", [{ date: "2026-03-01", amount: 70_000_00 }], "2026-04-01", 0, 0],
    ["advance paid", [{ date: "2026-03-01", amount: 80_000_00 }], "2026-04-01", -10_000_00, 0],
  ])("%s", (_, payments, today, balance, overdue) => {
    expect(balanceOf(ships, payments, today)).toBe(balance);
    expect(overdueDebt(deferral30, ships, payments, today)).toBe(overdue);
  });

  it("under prepayment a shipment not paid by the next day is overdue", () => {
    expect(overdueDebt(prepay, ships, [], "2026-01-10")).toBe(0);
    expect(overdueDebt(prepay, ships, [], "2026-01-11")).toBe(40_000_00);
  });

  it("history: the balance after each day, ascending", () => {
    expect(balanceHistory(ships, [{ date: "2026-01-15", amount: 10_000_00 }])).toEqual([
      { date: "2026-01-10", balance: 40_000_00 },
      { date: "2026-01-15", balance: 30_000_00 },
      { date: "2026-02-20", balance: 60_000_00 },
    ]);
  });
});

describe("creditDecision", () => {
  it.each([
    ["no contract", null, 0, 0, 1, false, "NO_CONTRACT", null],
    ["overdue debt", deferral30, 50_000_00, 1, 1, false, "OVERDUE_DEBT", 50_000_00],
    ["prepayment", prepay, 0, 0, 1, false, "PREPAYMENT_CONTRACT", null],
    ["within the limit", deferral30, 60_000_00, 0, 40_000_00, true, null, 40_000_00],
    ["over the limit by a kopeck", deferral30, 60_000_00, 0, 40_000_01, false, "CREDIT_LIMIT_EXCEEDED", 40_000_00],
    ["an advance does not raise the limit", deferral30, -5_000_00, 0, 100_000_00, true, null, 100_000_00],
    ["no limit", { ...deferral30, creditLimit: null }, 1e9, 0, 1e9, true, null, null],
  ] as const)("%s", (_, terms, balance, overdue, amount, allowed, reason, available) => {
    expect(creditDecision({ terms, balance, overdue, amount })).toEqual({ allowed, reason, available });
  });
});
