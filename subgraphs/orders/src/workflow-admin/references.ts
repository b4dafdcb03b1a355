import type { Workflow } from "@dpp/tenant";
import type { WorkflowProblem } from "./problems.ts";

/** What a tenant definition (identity's, decision 0018) names statuses in; read loosely, it is JSON. */
interface DefinitionStatuses {
  documentTypes?: { code?: unknown; label?: unknown; availableAt?: unknown }[];
  finance?: { bonus?: { creditAt?: unknown } | null };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s) => typeof s === "string") : []);

/**
 * The statuses the tenant's documents (`availableAt`) and bonus rule (`creditAt`) name that the
 * new workflow lacks: each is a STATUS_IN_USE problem naming the status (by its label in the
 * current workflow) and what uses it. Empty when the new workflow keeps every one.
 */
export function statusesInUse(definition: unknown, current: Workflow | null, next: Workflow): WorkflowProblem[] {
  const d = (definition ?? {}) as DefinitionStatuses;
  const kept = new Set(next.statuses.map((s) => s.code));
  const users = new Map<string, string[]>();
  const use = (code: string, by: string) => {
    if (!kept.has(code)) users.set(code, [...(users.get(code) ?? []), by]);
  };
  for (const doc of Array.isArray(d.documentTypes) ? d.documentTypes : []) {
    const name = typeof doc.label === "string" ? doc.label : String(doc.code);
    for (const code of strings(doc.availableAt)) use(code, `документ «${name}»`);
  }
  const bonusAt = d.finance?.bonus?.creditAt;
  if (typeof bonusAt === "string") use(bonusAt, "начисление бонусов");
  return [...users].map(([code, by]) => {
    const label = current?.statuses.find((s) => s.code === code)?.label;
    return {
      code: "STATUS_IN_USE",
      message: `Статус ${label ? `«${label}» (${code})` : code} нельзя удалить: его ${by.length > 1 ? "используют" : "использует"} ${by.join(", ")}. Сначала уберите его в настройках поставщика.`,
      statusIndex: null,
      status: code,
      transitionIndex: null,
      tabIndex: null,
      field: null,
    };
  });
}
