import type { Workflow, WorkflowStatus } from "@dpp/tenant";

/** Who moves an order between statuses. */
export type TransitionActor = Workflow["transitions"][number]["by"][number];

/** Drafts are not part of any tenant workflow: the platform shows them the same everywhere. */
export const DRAFT_STATUS: WorkflowStatus = { code: "draft", label: "Черновик", category: "draft", color: "#6b7280" };

/** The status a submitted draft takes. */
export function initialStatus(workflow: Workflow): WorkflowStatus {
  const status = workflow.statuses.find((s) => s.code === workflow.initial);
  if (!status) throw new Error(`workflow: initial status "${workflow.initial}" is not a status`);
  return status;
}

/**
 * A status for display. A code the workflow no longer knows (a removed status) still shows,
 * with its code as the label, rather than failing the whole order.
 */
export function statusOf(workflow: Workflow | null, code: string): WorkflowStatus {
  if (code === DRAFT_STATUS.code) return DRAFT_STATUS;
  return workflow?.statuses.find((s) => s.code === code) ?? { code, label: code, category: "active", color: "#6b7280" };
}

/** The transitions `by` may take from status `from`. */
export function transitionsFrom(workflow: Workflow, from: string, by: TransitionActor) {
  return workflow.transitions.filter((t) => t.from === from && t.by.includes(by));
}

/** Whether `by` may move an order from `from` to `to` under this workflow. */
export function canTransition(workflow: Workflow, from: string, to: string, by: TransitionActor): boolean {
  return transitionsFrom(workflow, from, by).some((t) => t.to === to);
}
