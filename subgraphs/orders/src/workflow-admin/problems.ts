import {
  PLAIN_GUARDS,
  WORKFLOW_ACTORS,
  WORKFLOW_EFFECTS,
  WORKFLOW_EVENTS,
  type Workflow,
  type WorkflowIssue,
  workflowIssues,
  workflowShape,
} from "@dpp/tenant";

/**
 * One problem of an edited workflow, in Russian, with what it concerns so the editor can mark it
 * on the diagram and on the form: a status (index and code), a transition (index), a tab, and the
 * field.
 */
export interface WorkflowProblem {
  code: string;
  message: string;
  statusIndex: number | null;
  status: string | null;
  transitionIndex: number | null;
  tabIndex: number | null;
  field: string | null;
}

export type WorkflowCheck = { ok: true; workflow: Workflow } | { ok: false; problems: WorkflowProblem[] };

const problem = (p: Partial<WorkflowProblem> & Pick<WorkflowProblem, "code" | "message">): WorkflowProblem => ({
  statusIndex: null,
  status: null,
  transitionIndex: null,
  tabIndex: null,
  field: null,
  ...p,
});

type Loose = Record<string, unknown>;
const at = (v: unknown, key: string | number): unknown =>
  typeof v === "object" && v !== null ? (v as Loose)[key as string] : undefined;
const str = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** «Новый» (new) for a status of the input, or just the code when it has no label yet. */
function statusName(input: unknown, index: number): string {
  const s = at(at(input, "statuses"), index);
  const code = at(s, "code");
  const label = at(s, "label");
  const c = typeof code === "string" && code ? code : `№ ${index + 1}`;
  return typeof label === "string" && label ? `«${label}» (${c})` : c;
}

function transitionName(input: unknown, index: number): string {
  const t = at(at(input, "transitions"), index);
  return `Переход ${str(at(t, "from"))} → ${str(at(t, "to"))}`;
}

const FIELD_RU: Record<string, string> = {
  code: "Код — латиница в нижнем регистре, цифры и _, с буквы",
  label: "Укажите название по-русски",
  labelEn: "Укажите название по-английски",
  color: "Цвет — в формате #rrggbb",
  category: "Категория — active, done или cancelled",
  editableBy: "Менять строки могут только dealer и manager",
  tab: "Вкладка — код вкладки списка",
  kind: "Вид вкладки — drafts, statuses или tracked",
  from: "Укажите код статуса, из которого переход",
  to: "Укажите код статуса, в который переход",
};

/** A field-level problem (zod's issue on the raw input) in Russian, with the value it names. */
function fieldProblem(input: unknown, path: readonly PropertyKey[]): WorkflowProblem {
  const [section, index, field, sub] = path;
  const value = path.reduce<unknown>((v, k) => at(v, k as string | number), input);
  if (section === "statuses" && typeof index === "number") {
    const f = String(field ?? "");
    const code = at(at(at(input, "statuses"), index), "code");
    return problem({
      code: f === "color" ? "INVALID_COLOR" : f === "label" || f === "labelEn" ? "MISSING_LABEL" : "INVALID_STATUS",
      message: `Статус ${statusName(input, index)}: ${FIELD_RU[f] ?? `поле ${f} заполнено неверно`}${f === "color" && value ? ` (сейчас «${str(value)}»)` : ""}.`,
      statusIndex: index,
      status: typeof code === "string" ? code : null,
      field: f || null,
    });
  }
  if (section === "transitions" && typeof index === "number") {
    const f = String(field ?? "");
    const name = transitionName(input, index);
    const base = { transitionIndex: index, field: f || null };
    if (f === "guards")
      return problem({
        ...base,
        code: "UNKNOWN_GUARD",
        message: `${name}: неизвестное условие «${str(value)}»; известны ${PLAIN_GUARDS.join(", ")} и has_right:<право>.`,
      });
    if (f === "effects")
      return problem({
        ...base,
        code: "UNKNOWN_EFFECT",
        message: `${name}: неизвестное действие «${str(value)}»; известны ${WORKFLOW_EFFECTS.join(", ")}.`,
      });
    if (f === "on")
      return problem({
        ...base,
        code: "UNKNOWN_EVENT",
        message: `${name}: неизвестное событие «${str(value)}»; известны ${WORKFLOW_EVENTS.join(", ")}.`,
      });
    if (f === "by")
      return problem({
        ...base,
        code: sub === undefined ? "NO_ACTOR" : "UNKNOWN_ACTOR",
        message:
          sub === undefined
            ? `${name}: укажите, кто выполняет переход (${WORKFLOW_ACTORS.join(", ")}).`
            : `${name}: неизвестный участник «${str(value)}»; известны ${WORKFLOW_ACTORS.join(", ")}.`,
      });
    return problem({
      ...base,
      code: f === "label" || f === "labelEn" ? "MISSING_LABEL" : "INVALID_TRANSITION",
      message: `${name}: ${FIELD_RU[f] ?? `поле ${f} заполнено неверно`}.`,
    });
  }
  if (section === "tabs" && typeof index === "number")
    return problem({
      code: "INVALID_TAB",
      message: `Вкладка ${index + 1}: ${FIELD_RU[String(field)] ?? "заполнена неверно"}.`,
      tabIndex: index,
      field: field === undefined ? null : String(field),
    });
  if (section === "statuses")
    return problem({ code: "TOO_FEW_STATUSES", message: "Нужно хотя бы два статуса.", field: "statuses" });
  if (section === "tabs") return problem({ code: "NO_TABS", message: "Нужна хотя бы одна вкладка.", field: "tabs" });
  return problem({
    code: "INVALID_FIELD",
    message: `Поле ${path.join(".") || "схемы"} заполнено неверно.`,
    field: path.length ? path.join(".") : null,
  });
}

/** A problem across fields (packages/tenant's WorkflowIssue) in Russian, named by labels. */
function issueProblem(wf: Workflow, i: WorkflowIssue): WorkflowProblem {
  const s = i.statusIndex === undefined ? "" : statusName(wf, i.statusIndex);
  const t = i.transitionIndex === undefined ? "" : transitionName(wf, i.transitionIndex);
  const initial = wf.statuses.find((x) => x.code === wf.initial);
  const initialName = initial ? `«${initial.label}»` : `«${wf.initial}»`;
  const messages: Record<WorkflowIssue["code"], string> = {
    DUPLICATE_STATUS: `Статус ${s}: такой код уже есть, коды статусов не должны повторяться.`,
    DUPLICATE_TAB: "Коды вкладок не должны повторяться.",
    UNKNOWN_INITIAL: `Начальный статус «${i.value}» не найден среди статусов.`,
    INITIAL_NOT_ACTIVE: `Начальный статус ${s} должен быть в работе (active), а не завершенным или отмененным.`,
    DRAFT_STATUS: `Статус ${s}: черновики ведет платформа, статус категории draft в схеме не нужен.`,
    UNKNOWN_TAB: `Статус ${s}: вкладки «${i.value}» со статусами нет.`,
    EMPTY_TAB: `Вкладка «${i.value}»: в ней не показан ни один статус.`,
    UNKNOWN_STATUS: `${t}: статуса «${i.value}» нет.`,
    GOES_NOWHERE: `${t}: переход в тот же статус ничего не меняет.`,
    SYSTEM_WITHOUT_EVENT: `${t}: для перехода системой укажите событие, по которому он выполняется.`,
    EVENT_WITHOUT_SYSTEM: `${t}: по событию «${i.value}» переход выполняет только система — отметьте «система».`,
    AMBIGUOUS_EVENT: `${t}: из этого статуса по событию «${i.value}» уже есть другой переход.`,
    UNREACHABLE: `Статус ${s} недостижим: ни одна цепочка переходов не ведет в него из начального ${initialName}.`,
    DEAD_END: `Статус ${s} — тупик: из него нет переходов, а без выхода могут быть только завершенные и отмененные статусы.`,
  };
  return problem({
    code: i.code,
    message: messages[i.code],
    statusIndex: i.statusIndex ?? null,
    status: i.status ?? null,
    transitionIndex: i.transitionIndex ?? null,
    tabIndex: i.tabIndex ?? null,
    field: i.code === "UNKNOWN_INITIAL" ? "initial" : null,
  });
}

/**
 * Checks an edited workflow the way the platform checks every definition (packages/tenant): each
 * field first, then across fields (every status reachable from the initial one, no dead end but
 * done or cancelled statuses, events only for the system and one per status). Returns the
 * workflow as parsed, or every problem in Russian with what it concerns.
 */
export function checkWorkflow(input: unknown): WorkflowCheck {
  const shape = workflowShape.safeParse(input);
  if (!shape.success) return { ok: false, problems: shape.error.issues.map((i) => fieldProblem(input, i.path)) };
  const issues = workflowIssues(shape.data);
  if (issues.length > 0) return { ok: false, problems: issues.map((i) => issueProblem(shape.data, i)) };
  return { ok: true, workflow: shape.data };
}
