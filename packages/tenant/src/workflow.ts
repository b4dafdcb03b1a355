import { z } from "zod";

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
 * `stock_reserved` the order's stock is reserved and the hold has not expired.
 */
export const PLAIN_GUARDS = ["contract_has_deferral", "no_overdue_debt", "credit_limit", "stock_reserved"] as const;
export const RIGHT_GUARD_PREFIX = "has_right:";
export const workflowGuard = z.union([
  z.enum(PLAIN_GUARDS),
  z.string().regex(/^has_right:[a-z][a-z0-9_.]*$/, "must be a known guard or has_right:<right>"),
]);

/**
 * Effects of a transition: `reserve_stock` / `release_stock` ask inventory inside the transition
 * (a failure refuses it); `notify_dealer` / `notify_manager` e-mail that side after the change.
 */
export const WORKFLOW_EFFECTS = ["reserve_stock", "release_stock", "notify_dealer", "notify_manager"] as const;
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

export const workflowSchema = z
  .object({
    statuses: z.array(workflowStatus).min(2),
    /** The status an order takes when the dealer submits its draft. */
    initial: code,
    tabs: z.array(workflowTab).min(1),
    transitions: z.array(workflowTransition),
    /** An order without a personal manager goes to the pool of the tenant's managers; any of them may take it. */
    managerPool: z.boolean(),
    managerEdit: z.object({ effects: z.array(z.enum(MANAGER_EDIT_EFFECTS)) }),
  })
  .superRefine((wf, ctx) => {
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

/**
 * Everything wrong with a workflow's shape, in words: unknown or duplicate codes, a status no
 * transition reaches, an active status with no way out, an ambiguous or misplaced event.
 */
export function workflowProblems(wf: Omit<Workflow, "managerPool" | "managerEdit">): string[] {
  const problems: string[] = [];
  const byCode = new Map(wf.statuses.map((s) => [s.code, s]));
  if (byCode.size !== wf.statuses.length) problems.push("status codes must be unique");
  const tabs = new Map(wf.tabs.map((t) => [t.code, t]));
  if (tabs.size !== wf.tabs.length) problems.push("tab codes must be unique");
  const initial = byCode.get(wf.initial);
  if (!initial) problems.push(`initial status "${wf.initial}" is not a status`);
  else if (initial.category !== "active") problems.push(`initial status "${wf.initial}" must be active`);
  for (const s of wf.statuses) {
    if (s.category === "draft") problems.push(`status ${s.code}: drafts are the platform's, not a workflow status`);
    if (tabs.get(s.tab)?.kind !== "statuses") problems.push(`status ${s.code}: unknown status tab "${s.tab}"`);
  }
  for (const t of wf.tabs) {
    if (t.kind === "statuses" && !wf.statuses.some((s) => s.tab === t.code))
      problems.push(`tab ${t.code}: no status is shown under it`);
  }
  const events = new Set<string>();
  for (const t of wf.transitions) {
    const name = `transition ${t.from} -> ${t.to}`;
    for (const end of [t.from, t.to]) if (!byCode.has(end)) problems.push(`${name}: unknown status "${end}"`);
    if (t.from === t.to) problems.push(`${name}: goes nowhere`);
    const bySystem = t.by.includes("system");
    if (bySystem && !t.on) problems.push(`${name}: a system transition needs the event that fires it (on)`);
    if (!bySystem && t.on) problems.push(`${name}: only the system fires on "${t.on}"`);
    if (t.on) {
      const key = `${t.from}/${t.on}`;
      if (events.has(key)) problems.push(`${name}: another transition from ${t.from} already fires on "${t.on}"`);
      events.add(key);
    }
  }
  const reached = new Set(initial ? [initial.code] : []);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of wf.transitions) {
      if (reached.has(t.from) && !reached.has(t.to) && byCode.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of wf.statuses) {
    if (!reached.has(s.code)) problems.push(`status ${s.code} is not reachable from "${wf.initial}"`);
    if (!isFinal(s) && !wf.transitions.some((t) => t.from === s.code))
      problems.push(`status ${s.code} is a dead end: only done or cancelled statuses may have no way out`);
  }
  return problems;
}
