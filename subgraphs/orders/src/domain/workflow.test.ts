import { demoTenantDefinitions, type Workflow, type WorkflowGuard } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import {
  canEditLines,
  canTransition,
  DRAFT_STATUS,
  failedGuard,
  findTransition,
  type GuardFacts,
  initialStatus,
  needsCredit,
  needsPayment,
  statusChangedEvent,
  statusOf,
  transitionOnEvent,
  transitionsFrom,
} from "./workflow.ts";

const workflowOf = (slug: string): Workflow => {
  const t = demoTenantDefinitions.find((d) => d.slug === slug);
  if (!t) throw new Error(slug);
  return t.workflow;
};
const keaz = workflowOf("keaz");
const autoparts = workflowOf("autoparts");

describe("workflow engine", () => {
  it("submits into the initial status", () => {
    expect(initialStatus(keaz).code).toBe("invoiced");
    expect(() => initialStatus({ ...keaz, initial: "nope" })).toThrow(/initial status/);
  });

  it.each([
    ["draft", "no workflow", null, "Черновик"],
    ["draft", "keaz's", keaz, "Черновик"],
    ["production", "keaz's", keaz, "В производстве"],
    ["removed_status", "keaz's", keaz, "removed_status"],
  ] as const)("status %s under %s workflow shows as %s", (code, _name, workflow, want) => {
    expect(statusOf(workflow, code).label).toBe(want);
  });

  it("drafts are a platform status the dealer edits", () => {
    expect(DRAFT_STATUS).toMatchObject({ code: "draft", category: "draft", editableBy: ["dealer"] });
  });

  it.each([
    ["invoiced", "production", "dealer", true],
    ["invoiced", "production", "system", true],
    ["invoiced", "production", "manager", false],
    ["invoiced", "rejected", "dealer", false],
    ["invoiced", "rejected", "manager", true],
    ["production", "invoiced", "manager", false],
    ["completed", "rejected", "manager", false],
  ] as const)("keaz %s -> %s by %s: %s", (from, to, by, want) => {
    expect(canTransition(keaz, from, to, by)).toBe(want);
  });

  it("lists the transitions an actor may take", () => {
    expect(transitionsFrom(keaz, "invoiced", "manager").map((t) => t.to)).toEqual(["rejected"]);
    expect(transitionsFrom(keaz, "completed", "manager")).toEqual([]);
  });

  it.each([
    ["invoiced", "production", "dealer", null],
    ["invoiced", "rejected", "dealer", "Перевести заказ из статуса «Получен счет» в «Отклонен» может только менеджер."],
    ["completed", "production", "manager", "Перевести заказ из статуса «Выполнен» в «В производстве» нельзя."],
    ["invoiced", "completed", "manager", "Перевести заказ из статуса «Получен счет» в «Выполнен» нельзя."],
  ] as const)("keaz asks %s -> %s by %s", (from, to, by, refusal) => {
    const r = findTransition(keaz, from, to, by);
    if (refusal === null) expect(r).toMatchObject({ from, to });
    else expect(r).toEqual({ kind: "order_error", code: "FORBIDDEN_TRANSITION", message: refusal });
  });

  it.each([
    ["autoparts", "new", "submitted", "reserve"],
    ["autoparts", "reserve", "reservation_expired", "cancelled"],
    ["keaz", "invoiced", "fully_paid", "production"],
    ["keaz", "production", "fully_paid", null],
    ["autoparts", "in_work", "reservation_expired", null],
    ["keaz", "invoiced", "made_up", null],
  ] as const)("%s: from %s on %s -> %s", (slug, from, event, to) => {
    const r = transitionOnEvent(workflowOf(slug), from, event);
    if (to) expect(r).toMatchObject({ to });
    else expect(r).toMatchObject({ code: "NO_TRANSITION_FOR_EVENT" });
  });

  it.each([
    ["draft", "dealer", true],
    ["draft", "manager", false],
    ["new", "dealer", true],
    ["new", "manager", true],
    ["reserve", "dealer", false],
    ["reserve", "manager", false],
  ] as const)("autoparts lines in %s editable by %s: %s", (status, side, want) => {
    expect(canEditLines(autoparts, status, side)).toBe(want);
  });
});

const facts = (over: Partial<GuardFacts> = {}): GuardFacts => ({
  actor: "dealer",
  permissions: ["orders.send"],
  amount: 404_640,
  credit: { paymentTerms: "DEFERRAL", deferralDays: 30, overdueDebt: 0, available: null },
  reservation: { until: new Date("2026-11-26T12:00:00Z") },
  paid: true,
  now: new Date("2026-11-23T12:00:00Z"),
  ...over,
});
const prepaid = { paymentTerms: "PREPAYMENT" as const, deferralDays: 0, overdueDebt: 0, available: null };

describe("guards", () => {
  it.each<[string, WorkflowGuard[], Partial<GuardFacts>, string | null]>([
    [
      "all hold",
      ["has_right:orders.send", "contract_has_deferral", "no_overdue_debt", "credit_limit", "stock_reserved"],
      {},
      null,
    ],
    ["no right", ["has_right:orders.send"], { permissions: [] }, "GUARD_NO_RIGHT"],
    ["a manager acts by role", ["has_right:orders.send"], { actor: "manager", permissions: [] }, null],
    ["prepayment", ["contract_has_deferral"], { credit: prepaid }, "GUARD_NO_DEFERRAL"],
    [
      "zero deferral",
      ["contract_has_deferral"],
      { credit: { ...prepaid, paymentTerms: "DEFERRAL" } },
      "GUARD_NO_DEFERRAL",
    ],
    ["no contract", ["contract_has_deferral"], { credit: { ...prepaid, paymentTerms: null } }, "GUARD_NO_DEFERRAL"],
    ["overdue", ["no_overdue_debt"], { credit: { ...prepaid, overdueDebt: 1 } }, "GUARD_OVERDUE_DEBT"],
    ["within the limit", ["credit_limit"], { credit: { ...prepaid, available: 404_640 } }, null],
    ["over the limit", ["credit_limit"], { credit: { ...prepaid, available: 404_639 } }, "GUARD_CREDIT_LIMIT"],
    ["no reserve", ["stock_reserved"], { reservation: null }, "GUARD_STOCK_NOT_RESERVED"],
    [
      "expired reserve",
      ["stock_reserved"],
      { reservation: { until: new Date("2026-11-23T12:00:00Z") } },
      "GUARD_STOCK_NOT_RESERVED",
    ],
    ["reserve without expiry", ["stock_reserved"], { reservation: { until: null } }, null],
    ["invoice paid in full", ["fully_paid"], { paid: true }, null],
    ["invoice not paid (or partly, or none issued)", ["fully_paid"], { paid: false }, "GUARD_NOT_PAID"],
    [
      "paid, but the dealer lacks the right",
      ["fully_paid", "has_right:orders.send"],
      { permissions: [] },
      "GUARD_NO_RIGHT",
    ],
    ["a manager is refused too", ["fully_paid"], { actor: "manager", paid: false }, "GUARD_NOT_PAID"],
    [
      "first failing wins",
      ["no_overdue_debt", "has_right:orders.send"],
      { permissions: [], credit: { ...prepaid, overdueDebt: 5 } },
      "GUARD_OVERDUE_DEBT",
    ],
  ])("%s", (_, guards, over, code) => {
    const r = failedGuard(guards, facts(over));
    if (code === null) expect(r).toBeNull();
    else expect(r?.code).toBe(code);
  });

  it("names the debt and the limit in roubles", () => {
    expect(failedGuard(["no_overdue_debt"], facts({ credit: { ...prepaid, overdueDebt: 12_345_67 } }))?.message).toBe(
      "У компании просроченная задолженность 12 345,67 ₽.",
    );
    expect(failedGuard(["credit_limit"], facts({ credit: { ...prepaid, available: 100_00 } }))?.message).toBe(
      "Сумма заказа 4 046,40 ₽ превышает доступный кредитный лимит 100,00 ₽.",
    );
  });

  it("asks finance only when a guard needs it", () => {
    expect(needsCredit(["has_right:orders.send", "stock_reserved"])).toBe(false);
    expect(needsCredit(["has_right:orders.send", "contract_has_deferral"])).toBe(true);
    expect(() => failedGuard(["no_overdue_debt"], facts({ credit: null }))).toThrow(/finance facts/);
    expect(needsPayment(["has_right:orders.send", "contract_has_deferral"])).toBe(false);
    expect(needsPayment(["fully_paid"])).toBe(true);
    expect(() => failedGuard(["fully_paid"], facts({ paid: null }))).toThrow(/finance was not asked/);
  });
});

describe("order.status_changed", () => {
  it("carries the contract's fields and whom to notify", () => {
    const transition = keaz.transitions[0];
    if (!transition) throw new Error("no transition");
    expect(
      statusChangedEvent({
        order: { id: "ord_1", number: "000042", companyId: "cmp_1", userId: "usr_1", managerUserId: null },
        workflow: keaz,
        transition,
        by: "dealer",
        actorUserId: "usr_1",
        reason: null,
        at: new Date("2026-11-23T12:00:00Z"),
      }),
    ).toEqual({
      orderId: "ord_1",
      number: "000042",
      companyId: "cmp_1",
      userId: "usr_1",
      managerUserId: null,
      from: "invoiced",
      to: "production",
      toLabel: "В производстве",
      by: "dealer",
      actorUserId: "usr_1",
      reason: null,
      notify: ["notify_manager"],
      at: "2026-11-23T12:00:00.000Z",
    });
  });

  it("carries SMS effects beside e-mail ones, and no stock effects (autoparts: e-mail and SMS per status)", () => {
    const autoparts = workflowOf("autoparts");
    const transition = autoparts.transitions.find((t) => t.effects.includes("reserve_stock"));
    if (!transition) throw new Error("no reserving transition");
    const event = statusChangedEvent({
      order: { id: "ord_2", number: "000043", companyId: "cmp_1", userId: "usr_1", managerUserId: null },
      workflow: autoparts,
      transition,
      by: "system",
      actorUserId: null,
      reason: null,
      at: new Date("2026-11-23T12:00:00Z"),
    });
    expect(event.notify).toEqual(["notify_dealer", "sms_dealer"]);
  });
});
