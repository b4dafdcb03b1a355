import type { Workflow } from "@dpp/tenant";
import { type OrderFailure, orderError } from "./errors.ts";

/** What a list tab selects: drafts, some statuses, or the tracked orders. */
export type TabSelection = { kind: "drafts" } | { kind: "statuses"; statusCodes: string[] } | { kind: "tracked" };

/** The selection behind a tab code of the workflow, or why the code is unknown. */
export function tabSelection(workflow: Workflow, tab: string): TabSelection | OrderFailure {
  const t = workflow.tabs.find((x) => x.code === tab);
  if (!t) return orderError("UNKNOWN_TAB", `Нет вкладки «${tab}».`);
  if (t.kind === "statuses")
    return { kind: "statuses", statusCodes: workflow.statuses.filter((s) => s.tab === t.code).map((s) => s.code) };
  return { kind: t.kind };
}

/** How many of the company's orders fall in each tab, from per-status counts. */
export function tabCounts(
  workflow: Workflow,
  groups: readonly { isDraft: boolean; statusCode: string; tracked: boolean; count: number }[],
): { code: string; count: number }[] {
  return workflow.tabs.map((t) => {
    const sel = tabSelection(workflow, t.code) as TabSelection;
    const count = groups
      .filter((g) =>
        sel.kind === "drafts"
          ? g.isDraft
          : sel.kind === "tracked"
            ? g.tracked && !g.isDraft
            : !g.isDraft && sel.statusCodes.includes(g.statusCode),
      )
      .reduce((sum, g) => sum + g.count, 0);
    return { code: t.code, count };
  });
}

/** A date range from ISO dates (inclusive, whole days in UTC), or why it is not one. */
export function dateRange(
  from: string | null,
  to: string | null,
): { from: Date | null; to: Date | null } | OrderFailure {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  for (const v of [from, to]) {
    if (v !== null && (!day.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))))
      return orderError("INVALID_DATE", `Дата «${v}» не в формате ГГГГ-ММ-ДД.`);
  }
  const start = from ? new Date(`${from}T00:00:00Z`) : null;
  const end = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : null;
  if (start && end && start >= end) return orderError("INVALID_DATE", "Начало периода позже его конца.");
  return { from: start, to: end };
}
