import { demoTenantDefinitions, type Workflow } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { checkWorkflow, type WorkflowProblem } from "./problems.ts";

const status = (code: string, label: string, category: "active" | "done" | "cancelled" = "active") => ({
  code,
  label,
  labelEn: code,
  category,
  color: "#0275d8",
  editableBy: [] as ("dealer" | "manager")[],
  tab: "orders",
});
const move = (from: string, to: string, extra: Record<string, unknown> = {}) => ({
  from,
  to,
  by: ["manager" as const],
  label: "Дальше",
  labelEn: "Next",
  guards: [] as string[],
  effects: [] as string[],
  ...extra,
});
type Transition = Workflow["transitions"][number];
const base: Workflow = {
  statuses: [
    status("new", "Новый"),
    status("shipped", "Отгружен", "done"),
    status("cancelled", "Отменен", "cancelled"),
  ],
  initial: "new",
  tabs: [
    { code: "drafts", label: "Черновики", labelEn: "Drafts", kind: "drafts" },
    { code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" },
  ],
  transitions: [move("new", "shipped"), move("new", "cancelled")] as Transition[],
  managerPool: false,
  managerEdit: { effects: [] },
};

const problemsOf = (wf: unknown): WorkflowProblem[] => {
  const r = checkWorkflow(wf);
  return r.ok ? [] : r.problems;
};
const only = (p: Partial<WorkflowProblem> & { code: string; message: string }): WorkflowProblem => ({
  statusIndex: null,
  status: null,
  transitionIndex: null,
  tabIndex: null,
  field: null,
  ...p,
});

describe("checking an edited workflow", () => {
  it.each(demoTenantDefinitions.map((d) => [d.slug, d.workflow] as const))("accepts the %s workflow", (_, wf) => {
    expect(checkWorkflow(wf)).toEqual({ ok: true, workflow: wf });
  });

  it.each<[string, unknown, WorkflowProblem[]]>([
    [
      "an unreachable status, named with its label and marked by index",
      { ...base, statuses: [...base.statuses, status("limbo", "Лимб", "cancelled")] },
      [
        only({
          code: "UNREACHABLE",
          message: "Статус «Лимб» (limbo) недостижим: ни одна цепочка переходов не ведет в него из начального «Новый».",
          statusIndex: 3,
          status: "limbo",
        }),
      ],
    ],
    [
      "a dead end",
      {
        ...base,
        statuses: [...base.statuses, status("stuck", "Завис")],
        transitions: [...base.transitions, move("new", "stuck")],
      },
      [
        only({
          code: "DEAD_END",
          message:
            "Статус «Завис» (stuck) — тупик: из него нет переходов, а без выхода могут быть только завершенные и отмененные статусы.",
          statusIndex: 3,
          status: "stuck",
        }),
      ],
    ],
    [
      "an unknown guard",
      { ...base, transitions: [move("new", "shipped", { guards: ["has_luck"] }), base.transitions[1]] },
      [
        only({
          code: "UNKNOWN_GUARD",
          message: expect.stringMatching(
            /^Переход new → shipped: неизвестное условие «has_luck»; известны contract_has_deferral/,
          ),
          transitionIndex: 0,
          field: "guards",
        }),
      ],
    ],
    [
      "an unknown effect",
      {
        ...base,
        transitions: [base.transitions[0], move("new", "cancelled", { effects: ["launch_rocket"] })],
      },
      [
        only({
          code: "UNKNOWN_EFFECT",
          message: expect.stringContaining("Переход new → cancelled: неизвестное действие «launch_rocket»"),
          transitionIndex: 1,
          field: "effects",
        }),
      ],
    ],
    [
      "an empty Russian label and a bad colour",
      { ...base, statuses: [{ ...status("new", ""), color: "red" }, ...base.statuses.slice(1)] },
      [
        only({
          code: "MISSING_LABEL",
          message: "Статус new: Укажите название по-русски.",
          statusIndex: 0,
          status: "new",
          field: "label",
        }),
        only({
          code: "INVALID_COLOR",
          message: "Статус new: Цвет — в формате #rrggbb (сейчас «red»).",
          statusIndex: 0,
          status: "new",
          field: "color",
        }),
      ],
    ],
    [
      "a system transition without its event",
      { ...base, transitions: [move("new", "shipped", { by: ["system"] }), base.transitions[1]] },
      [
        only({
          code: "SYSTEM_WITHOUT_EVENT",
          message: "Переход new → shipped: для перехода системой укажите событие, по которому он выполняется.",
          transitionIndex: 0,
        }),
      ],
    ],
    [
      "a transition to a removed status",
      { ...base, transitions: [...base.transitions, move("new", "gone")] },
      [only({ code: "UNKNOWN_STATUS", message: "Переход new → gone: статуса «gone» нет.", transitionIndex: 2 })],
    ],
    [
      "a transition nobody fires",
      { ...base, transitions: [move("new", "shipped", { by: [] }), base.transitions[1]] },
      [
        only({
          code: "NO_ACTOR",
          message: "Переход new → shipped: укажите, кто выполняет переход (dealer, manager, system).",
          transitionIndex: 0,
          field: "by",
        }),
      ],
    ],
  ])("refuses %s", (_, wf, expected) => {
    expect(problemsOf(wf)).toEqual(expected);
  });
});
