import type { Workflow, WorkflowStatus } from "./workflow.ts";

/** What is wrong with a workflow's shape, as a stable code. */
export type WorkflowIssueCode =
  | "DUPLICATE_STATUS"
  | "DUPLICATE_TAB"
  | "UNKNOWN_INITIAL"
  | "INITIAL_NOT_ACTIVE"
  | "DRAFT_STATUS"
  | "UNKNOWN_TAB"
  | "EMPTY_TAB"
  | "UNKNOWN_STATUS"
  | "GOES_NOWHERE"
  | "SYSTEM_WITHOUT_EVENT"
  | "EVENT_WITHOUT_SYSTEM"
  | "AMBIGUOUS_EVENT"
  | "UNREACHABLE"
  | "DEAD_END";

/**
 * One problem of a workflow, with what it concerns: a status (by index and code), a transition
 * (by index), or a tab, so an editor can mark it where it is drawn. `message` is in English
 * (the onboarding command prints it); editors word it for their users from `code`.
 */
export interface WorkflowIssue {
  code: WorkflowIssueCode;
  message: string;
  statusIndex?: number;
  status?: string;
  transitionIndex?: number;
  tabIndex?: number;
  /** The code the problem names: an unknown status or tab, the event, the initial status. */
  value?: string;
}

const final = (s: Pick<WorkflowStatus, "category">) => s.category === "done" || s.category === "cancelled";

/**
 * Everything wrong with a workflow's shape: unknown or duplicate codes, a status no transition
 * reaches, an active status with no way out, an ambiguous or misplaced event.
 */
export function workflowIssues(wf: Omit<Workflow, "managerPool" | "managerEdit">): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const byCode = new Map(wf.statuses.map((s) => [s.code, s]));
  if (byCode.size !== wf.statuses.length) {
    const seen = new Set<string>();
    wf.statuses.forEach((s, i) => {
      if (seen.has(s.code))
        issues.push({
          code: "DUPLICATE_STATUS",
          message: "status codes must be unique",
          statusIndex: i,
          status: s.code,
        });
      seen.add(s.code);
    });
  }
  const tabs = new Map(wf.tabs.map((t) => [t.code, t]));
  if (tabs.size !== wf.tabs.length) issues.push({ code: "DUPLICATE_TAB", message: "tab codes must be unique" });
  const initial = byCode.get(wf.initial);
  if (!initial)
    issues.push({
      code: "UNKNOWN_INITIAL",
      message: `initial status "${wf.initial}" is not a status`,
      value: wf.initial,
    });
  else if (initial.category !== "active")
    issues.push({
      code: "INITIAL_NOT_ACTIVE",
      message: `initial status "${wf.initial}" must be active`,
      status: initial.code,
      statusIndex: wf.statuses.indexOf(initial),
    });
  wf.statuses.forEach((s, statusIndex) => {
    const at = { statusIndex, status: s.code };
    if (s.category === "draft")
      issues.push({
        code: "DRAFT_STATUS",
        message: `status ${s.code}: drafts are the platform's, not a workflow status`,
        ...at,
      });
    if (tabs.get(s.tab)?.kind !== "statuses")
      issues.push({
        code: "UNKNOWN_TAB",
        message: `status ${s.code}: unknown status tab "${s.tab}"`,
        value: s.tab,
        ...at,
      });
  });
  wf.tabs.forEach((t, tabIndex) => {
    if (t.kind === "statuses" && !wf.statuses.some((s) => s.tab === t.code))
      issues.push({
        code: "EMPTY_TAB",
        message: `tab ${t.code}: no status is shown under it`,
        tabIndex,
        value: t.code,
      });
  });
  const events = new Set<string>();
  wf.transitions.forEach((t, transitionIndex) => {
    const name = `transition ${t.from} -> ${t.to}`;
    for (const end of [t.from, t.to])
      if (!byCode.has(end))
        issues.push({
          code: "UNKNOWN_STATUS",
          message: `${name}: unknown status "${end}"`,
          transitionIndex,
          value: end,
        });
    if (t.from === t.to) issues.push({ code: "GOES_NOWHERE", message: `${name}: goes nowhere`, transitionIndex });
    const bySystem = t.by.includes("system");
    if (bySystem && !t.on)
      issues.push({
        code: "SYSTEM_WITHOUT_EVENT",
        message: `${name}: a system transition needs the event that fires it (on)`,
        transitionIndex,
      });
    if (!bySystem && t.on)
      issues.push({
        code: "EVENT_WITHOUT_SYSTEM",
        message: `${name}: only the system fires on "${t.on}"`,
        transitionIndex,
        value: t.on,
      });
    if (t.on) {
      const key = `${t.from}/${t.on}`;
      if (events.has(key))
        issues.push({
          code: "AMBIGUOUS_EVENT",
          message: `${name}: another transition from ${t.from} already fires on "${t.on}"`,
          transitionIndex,
          value: t.on,
        });
      events.add(key);
    }
  });
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
  wf.statuses.forEach((s, statusIndex) => {
    const at = { statusIndex, status: s.code };
    if (!reached.has(s.code))
      issues.push({ code: "UNREACHABLE", message: `status ${s.code} is not reachable from "${wf.initial}"`, ...at });
    if (!final(s) && !wf.transitions.some((t) => t.from === s.code))
      issues.push({
        code: "DEAD_END",
        message: `status ${s.code} is a dead end: only done or cancelled statuses may have no way out`,
        ...at,
      });
  });
  return issues;
}
