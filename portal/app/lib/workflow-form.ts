import type { WorkflowDef, WorkflowStatusDef, WorkflowTransitionDef } from "../graphql/workflow-admin";

/**
 * The workflow editor's form is the edited workflow itself: every status and transition as
 * fields (`s.0.code`, `t.2.guards`, …), so it works without JavaScript and each post carries the
 * whole edit. These turn a definition into those fields' names and a posted form back into a
 * definition, and apply the add/remove buttons.
 */
export const RIGHT_PREFIX = "has_right:";
export const NOTIFY_EFFECTS = new Set(["notify_dealer", "notify_manager", "sms_dealer", "sms_manager"]);

export const CATEGORY_RU: Record<string, string> = {
  active: "В работе",
  done: "Завершен",
  cancelled: "Отменен",
};
export const ACTOR_RU: Record<string, string> = { dealer: "Дилер", manager: "Менеджер", system: "Система" };
export const GUARD_RU: Record<string, string> = {
  contract_has_deferral: "Договор с отсрочкой",
  no_overdue_debt: "Нет просроченного долга",
  credit_limit: "В пределах кредитного лимита",
  stock_reserved: "Товар зарезервирован",
  fully_paid: "Оплачен полностью",
};
export const EFFECT_RU: Record<string, string> = {
  reserve_stock: "Зарезервировать товар",
  release_stock: "Снять резерв",
  notify_dealer: "Письмо дилеру",
  notify_manager: "Письмо менеджеру",
  sms_dealer: "SMS дилеру",
  sms_manager: "SMS менеджеру",
};
export const EVENT_RU: Record<string, string> = {
  submitted: "Заказ отправлен",
  erp_received: "Заказ принят учетной системой",
  fully_paid: "Заказ оплачен полностью",
  reservation_expired: "Резерв истек",
};

const all = (form: FormData, name: string) => form.getAll(name).map(String);
const one = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const count = (form: FormData, name: string) => {
  const n = Number(form.get(name));
  return Number.isInteger(n) && n >= 0 && n <= 200 ? n : 0;
};

/** A posted editor form back into a definition (the parts the form does not edit ride along in `rest`). */
export function definitionFromForm(form: FormData): WorkflowDef {
  const rest = JSON.parse(String(form.get("rest") ?? "{}")) as Pick<
    WorkflowDef,
    "tabs" | "managerPool" | "managerEditEffects"
  >;
  const statuses: WorkflowStatusDef[] = [];
  for (let i = 0; i < count(form, "s.count"); i++) {
    const p = `s.${i}.`;
    statuses.push({
      code: one(form, `${p}code`),
      label: one(form, `${p}label`),
      labelEn: one(form, `${p}labelEn`),
      category: one(form, `${p}category`),
      color: one(form, `${p}color`).toLowerCase(),
      editableBy: all(form, `${p}editableBy`),
      tab: one(form, `${p}tab`),
    });
  }
  const transitions: WorkflowTransitionDef[] = [];
  for (let j = 0; j < count(form, "t.count"); j++) {
    const p = `t.${j}.`;
    const rights = one(form, `${p}rights`)
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((r) => `${RIGHT_PREFIX}${r}`);
    transitions.push({
      from: one(form, `${p}from`),
      to: one(form, `${p}to`),
      by: all(form, `${p}by`),
      label: one(form, `${p}label`),
      labelEn: one(form, `${p}labelEn`),
      guards: [...rights, ...all(form, `${p}guards`)],
      effects: [...all(form, `${p}effects`), ...all(form, `${p}notify`)],
      on: one(form, `${p}on`) || null,
    });
  }
  return {
    statuses,
    initial: one(form, "initial"),
    tabs: rest.tabs ?? [],
    transitions,
    managerPool: rest.managerPool ?? false,
    managerEditEffects: rest.managerEditEffects ?? [],
  };
}

/** The parts of a definition the form carries as one hidden field. */
export const restOf = (d: WorkflowDef) =>
  JSON.stringify({ tabs: d.tabs, managerPool: d.managerPool, managerEditEffects: d.managerEditEffects });

/** The rights a transition's guards ask for, as the form's text field shows them. */
export const rightsOf = (t: WorkflowTransitionDef) =>
  t.guards
    .filter((g) => g.startsWith(RIGHT_PREFIX))
    .map((g) => g.slice(RIGHT_PREFIX.length))
    .join(", ");

/** What the editor's buttons do to the edited workflow: add or remove a status or a transition. */
export function applyIntent(d: WorkflowDef, intent: string): WorkflowDef {
  const [verb, index] = intent.split(":");
  const i = Number(index);
  if (verb === "add-status") {
    const tab = d.tabs.find((t) => t.kind === "statuses")?.code ?? "";
    const status = { code: "", label: "", labelEn: "", category: "active", color: "#0275d8", editableBy: [], tab };
    return { ...d, statuses: [...d.statuses, status] };
  }
  if (verb === "remove-status" && Number.isInteger(i)) return { ...d, statuses: d.statuses.filter((_, k) => k !== i) };
  if (verb === "add-transition") {
    const from = d.statuses[0]?.code ?? "";
    const transition = { from, to: from, by: ["manager"], label: "", labelEn: "", guards: [], effects: [], on: null };
    return { ...d, transitions: [...d.transitions, transition] };
  }
  if (verb === "remove-transition" && Number.isInteger(i))
    return { ...d, transitions: d.transitions.filter((_, k) => k !== i) };
  return d;
}
