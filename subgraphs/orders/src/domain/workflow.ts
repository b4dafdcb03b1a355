import {
  NOTIFY_EFFECTS,
  type NotifyEffect,
  RIGHT_GUARD_PREFIX,
  type Workflow,
  type WorkflowActor,
  type WorkflowEvent,
  type WorkflowGuard,
  type WorkflowStatus,
  type WorkflowTransition,
} from "@dpp/tenant";
import { type OrderFailure, orderError } from "./errors.ts";

/** Who moves an order between statuses. */
export type TransitionActor = WorkflowActor;

/** Drafts are not part of any tenant workflow: the platform shows them the same everywhere. */
export const DRAFT_STATUS: WorkflowStatus = {
  code: "draft",
  label: "Черновик",
  labelEn: "Draft",
  category: "draft",
  color: "#6b7280",
  editableBy: ["dealer"],
  tab: "drafts",
};

/** The status a submitted draft takes. */
export function initialStatus(workflow: Workflow): WorkflowStatus {
  const status = workflow.statuses.find((s) => s.code === workflow.initial);
  if (!status) throw new Error(`workflow: initial status "${workflow.initial}" is not a status`);
  return status;
}

/**
 * A status for display. A code the workflow no longer knows (a removed status) still shows,
 * with its code as the label, locked, rather than failing the whole order.
 */
export function statusOf(workflow: Workflow | null, code: string): WorkflowStatus {
  if (code === DRAFT_STATUS.code) return DRAFT_STATUS;
  return (
    workflow?.statuses.find((s) => s.code === code) ?? {
      code,
      label: code,
      labelEn: code,
      category: "active",
      color: "#6b7280",
      editableBy: [],
      tab: "",
    }
  );
}

/** The transitions `by` may take from status `from` (system ones only through their event). */
export function transitionsFrom(workflow: Workflow, from: string, by: TransitionActor): WorkflowTransition[] {
  return workflow.transitions.filter((t) => t.from === from && t.by.includes(by));
}

/** Whether `by` may move an order from `from` to `to` under this workflow (guards aside). */
export function canTransition(workflow: Workflow, from: string, to: string, by: TransitionActor): boolean {
  return transitionsFrom(workflow, from, by).some((t) => t.to === to);
}

const label = (workflow: Workflow, code: string) => statusOf(workflow, code).label;
const ACTOR_RU: Record<TransitionActor, string> = { dealer: "дилер", manager: "менеджер", system: "система" };

/**
 * The transition a dealer or manager asks for, or why it is not in the workflow: from a final
 * status, to a status not next, or one only the other side (or the system) takes.
 */
export function findTransition(
  workflow: Workflow,
  from: string,
  to: string,
  by: "dealer" | "manager",
): WorkflowTransition | OrderFailure {
  const found = transitionsFrom(workflow, from, by).find((t) => t.to === to);
  if (found) return found;
  const others = workflow.transitions.filter((t) => t.from === from && t.to === to).flatMap((t) => t.by);
  const route = `из статуса «${label(workflow, from)}» в «${label(workflow, to)}»`;
  if (others.length === 0) return orderError("FORBIDDEN_TRANSITION", `Перевести заказ ${route} нельзя.`);
  const who = [...new Set(others)].map((a) => ACTOR_RU[a]).join(" или ");
  return orderError("FORBIDDEN_TRANSITION", `Перевести заказ ${route} может только ${who}.`);
}

/** The system transition `event` fires from status `from`, or why none does. */
export function transitionOnEvent(workflow: Workflow, from: string, event: string): WorkflowTransition | OrderFailure {
  const found = workflow.transitions.find((t) => t.from === from && t.on === (event as WorkflowEvent));
  return (
    found ??
    orderError("NO_TRANSITION_FOR_EVENT", `Событие «${event}» не меняет заказ в статусе «${label(workflow, from)}».`)
  );
}

/** What finance says about a company's contract and debt (finance's creditStatus). */
export interface CreditFacts {
  paymentTerms: "PREPAYMENT" | "DEFERRAL" | null;
  deferralDays: number | null;
  /** Kopecks overdue. */
  overdueDebt: number;
  /** Kopecks of credit left; null without a limit. */
  available: number | null;
}

/** Everything guards may look at; finance is asked only when a guard needs it. */
export interface GuardFacts {
  actor: TransitionActor;
  /** The acting user's rights (dealers). */
  permissions: readonly string[];
  /** The order's total with VAT, kopecks. */
  amount: number;
  credit: CreditFacts | null;
  /** The order's stock reservation: null when none; `until` null when it does not expire. */
  reservation: { until: Date | null } | null;
  /** Whether finance sees the order's invoice paid in full; null when no guard asked. */
  paid: boolean | null;
  now: Date;
}

/** Whether any of the guards needs finance's view of the order's invoice. */
export const needsPayment = (guards: readonly WorkflowGuard[]) => guards.includes("fully_paid");

/** Whether any of the guards needs finance's view of the company. */
export const needsCredit = (guards: readonly WorkflowGuard[]) =>
  guards.some((g) => g === "contract_has_deferral" || g === "no_overdue_debt" || g === "credit_limit");

const RUB = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Roubles for a message, grouped with plain spaces: 12 345,67 ₽. */
const rub = (kopecks: number) => `${RUB.format(kopecks / 100).replace(/\s/g, " ")} ₽`;

/**
 * The first guard that does not hold, as the error the user sees, or null when all hold.
 * Rights are the acting dealer user's; staff and the system act by role and skip them.
 */
export function failedGuard(guards: readonly WorkflowGuard[], facts: GuardFacts): OrderFailure | null {
  for (const guard of guards) {
    if (guard.startsWith(RIGHT_GUARD_PREFIX)) {
      const right = guard.slice(RIGHT_GUARD_PREFIX.length);
      if (facts.actor === "dealer" && !facts.permissions.includes(right))
        return orderError("GUARD_NO_RIGHT", `Нет права «${right}» для этого действия.`);
      continue;
    }
    if (guard === "stock_reserved") {
      const r = facts.reservation;
      if (!r || (r.until !== null && r.until <= facts.now))
        return orderError("GUARD_STOCK_NOT_RESERVED", "Товар заказа не зарезервирован или резерв истек.");
      continue;
    }
    if (guard === "fully_paid") {
      if (facts.paid === null) throw new Error("guard fully_paid: finance was not asked");
      if (!facts.paid)
        return orderError("GUARD_NOT_PAID", "Счет по заказу еще не оплачен полностью: дождитесь оплаты.");
      continue;
    }
    const credit = facts.credit;
    if (!credit) throw new Error(`guard ${guard}: finance facts were not loaded`);
    if (guard === "contract_has_deferral" && !(credit.paymentTerms === "DEFERRAL" && (credit.deferralDays ?? 0) > 0))
      return orderError(
        "GUARD_NO_DEFERRAL",
        "Договор не предусматривает отсрочку платежа: заказ уйдет в производство после полной оплаты счета.",
      );
    if (guard === "no_overdue_debt" && credit.overdueDebt > 0)
      return orderError("GUARD_OVERDUE_DEBT", `У компании просроченная задолженность ${rub(credit.overdueDebt)}.`);
    if (guard === "credit_limit" && credit.available !== null && credit.available < facts.amount)
      return orderError(
        "GUARD_CREDIT_LIMIT",
        `Сумма заказа ${rub(facts.amount)} превышает доступный кредитный лимит ${rub(credit.available)}.`,
      );
  }
  return null;
}

/** Whether `side` may change the lines of an order in this status (drafts: the dealer). */
export function canEditLines(workflow: Workflow | null, statusCode: string, side: "dealer" | "manager"): boolean {
  return statusOf(workflow, statusCode).editableBy.includes(side);
}

/** The payload of the `order.status_changed` outbox event (docs/CONTRACTS.md). */
export function statusChangedEvent(input: {
  order: { id: string; number: string | null; companyId: string; userId: string; managerUserId: string | null };
  workflow: Workflow;
  transition: WorkflowTransition;
  by: TransitionActor;
  actorUserId: string | null;
  reason: string | null;
  at: Date;
}) {
  const { order, transition } = input;
  return {
    orderId: order.id,
    number: order.number ?? "",
    companyId: order.companyId,
    userId: order.userId,
    managerUserId: order.managerUserId,
    from: transition.from,
    to: transition.to,
    toLabel: label(input.workflow, transition.to),
    by: input.by,
    actorUserId: input.actorUserId,
    reason: input.reason,
    notify: transition.effects.filter((e): e is NotifyEffect => (NOTIFY_EFFECTS as readonly string[]).includes(e)),
    at: input.at.toISOString(),
  };
}
