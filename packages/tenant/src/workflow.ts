import { z } from "zod";
import { workflowIssues } from "./workflow-issues.ts";

/**
 * A tenant's order workflow as data: statuses, list tabs and transitions with who may fire them,
 * guards that must hold and effects that follow. The orders subgraph runs every tenant's
 * workflow with one engine; nothing here names a tenant.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a #rrggbb colour");
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be a lower-case code (a-z, 0-9, _)");

export const statusCategory = z.enum(["draft", "active", "done", "cancelled"]);

/** Who fires a transition: the dealer, the supplier's manager, or the system on an event. */
export const WORKFLOW_ACTORS = ["dealer", "manager", "system"] as const;
export const workflowActor = z.enum(WORKFLOW_ACTORS);

/**
 * Events that fire system transitions: `submitted` right after a draft is submitted (orders),
 * `erp_received` when the supplier's ERP has taken the order, `fully_paid` when finance sees the
 * order's invoice paid in full, `reservation_expired` when inventory released an expired hold.
 */
export const WORKFLOW_EVENTS = ["submitted", "erp_received", "fully_paid", "reservation_expired"] as const;
export const workflowEvent = z.enum(WORKFLOW_EVENTS);

/**
 * Guards checked before a transition; one failing refuses it with its reason:
 * `has_right:<right>` the acting dealer user holds the right (e.g. has_right:orders.send);
 * `contract_has_deferral` the company's contract defers payment; `no_overdue_debt` the company
 * has no overdue debt; `credit_limit` the order fits within the available credit;
 * `stock_reserved` the order's stock is reserved and the hold has not expired; `fully_paid` finance
 * sees the invoice issued for the order paid in full.
 */
export const PLAIN_GUARDS = [
  "contract_has_deferral",
  "no_overdue_debt",
  "credit_limit",
  "stock_reserved",
  "fully_paid",
] as const;
export const RIGHT_GUARD_PREFIX = "has_right:";
export const workflowGuard = z.union([
  z.enum(PLAIN_GUARDS),
  z.string().regex(/^has_right:[a-z][a-z0-9_.]*$/, "must be a known guard or has_right:<right>"),
]);

/**
 * Effects of a transition: `reserve_stock` / `release_stock` ask inventory inside the transition
 * (a failure refuses it); `notify_dealer` / `notify_manager` e-mail that side after the change;
 * `sms_dealer` / `sms_manager` send that side an SMS (to the phone in their profile).
 */
export const WORKFLOW_EFFECTS = [
  "reserve_stock",
  "release_stock",
  "notify_dealer",
  "notify_manager",
  "sms_dealer",
  "sms_manager",
] as const;
/** The effects that tell someone about the change, by e-mail or SMS (carried in `order.status_changed`). */
export const NOTIFY_EFFECTS = ["notify_dealer", "notify_manager", "sms_dealer", "sms_manager"] as const;
export type NotifyEffect = (typeof NOTIFY_EFFECTS)[number];
export const workflowEffect = z.enum(WORKFLOW_EFFECTS);

/** What follows when a manager changes the lines of a submitted order: `mail_updated_invoice` to the dealer. */
export const MANAGER_EDIT_EFFECTS = ["mail_updated_invoice"] as const;

/** A list tab: the dealer's drafts, the orders in the statuses that name this tab, or the tracked orders. */
export const workflowTab = z.object({
  code,
  label: z.string().min(1),
  labelEn: z.string().min(1),
  kind: z.enum(["drafts", "statuses", "tracked"]),
});

export const workflowStatus = z.object({
  code,
  label: z.string().min(1),
  labelEn: z.string().min(1),
  category: statusCategory,
  color: hexColor,
  /** Who may still change the order's lines in this status (empty: locked). */
  editableBy: z.array(z.enum(["dealer", "manager"])),
  /** The list tab the status is shown under (a tab of kind "statuses"). */
  tab: code,
});

export const workflowTransition = z.object({
  from: code,
  to: code,
  by: z.array(workflowActor).min(1),
  /** The button's label in Russian, e.g. «Подтвердить заказ». */
  label: z.string().min(1),
  labelEn: z.string().min(1),
  guards: z.array(workflowGuard),
  effects: z.array(workflowEffect),
  /** The event that fires it for the system; present exactly when `by` includes "system". */
  on: workflowEvent.optional(),
});

/** The fields of a workflow, each checked on its own (workflowSchema adds the checks across them). */
export const workflowShape = z.object({
  statuses: z.array(workflowStatus).min(2),
  /** The status an order takes when the dealer submits its draft. */
  initial: code,
  tabs: z.array(workflowTab).min(1),
  transitions: z.array(workflowTransition),
  /** An order without a personal manager goes to the pool of the tenant's managers; any of them may take it. */
  managerPool: z.boolean(),
  managerEdit: z.object({ effects: z.array(z.enum(MANAGER_EDIT_EFFECTS)) }),
});

export const workflowSchema = workflowShape.superRefine((wf, ctx) => {
  for (const problem of workflowProblems(wf)) ctx.addIssue({ code: "custom", message: problem });
});

export type Workflow = z.infer<typeof workflowSchema>;
export type WorkflowStatus = z.infer<typeof workflowStatus>;
export type WorkflowTransition = z.infer<typeof workflowTransition>;
export type WorkflowTab = z.infer<typeof workflowTab>;
export type WorkflowActor = z.infer<typeof workflowActor>;
export type WorkflowEvent = z.infer<typeof workflowEvent>;
export type WorkflowGuard = z.infer<typeof workflowGuard>;
export type WorkflowEffect = z.infer<typeof workflowEffect>;

/** Statuses an order ends in: nothing has to leave them. */
export const isFinal = (s: Pick<WorkflowStatus, "category">) => s.category === "done" || s.category === "cancelled";

/** Everything wrong with a workflow's shape, in words (workflow-issues.ts has them with what they concern). */
export function workflowProblems(wf: Omit<Workflow, "managerPool" | "managerEdit">): string[] {
  return workflowIssues(wf).map((i) => i.message);
}
