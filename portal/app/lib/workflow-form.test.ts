import { describe, expect, it } from "vitest";
import type { WorkflowDef } from "../graphql/workflow-admin";
import { applyIntent, definitionFromForm, restOf, rightsOf } from "./workflow-form";

const wf: WorkflowDef = {
  statuses: [
    {
      code: "new",
      label: "Новый",
      labelEn: "New",
      category: "active",
      color: "#0275d8",
      editableBy: ["manager"],
      tab: "orders",
    },
    {
      code: "done",
      label: "Готов",
      labelEn: "Done",
      category: "done",
      color: "#2e7d32",
      editableBy: [],
      tab: "orders",
    },
  ],
  initial: "new",
  tabs: [{ code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" }],
  transitions: [
    {
      from: "new",
      to: "done",
      by: ["dealer"],
      label: "Готово",
      labelEn: "Done",
      guards: ["has_right:orders.send", "no_overdue_debt"],
      effects: ["reserve_stock", "notify_manager"],
      on: null,
    },
  ],
  managerPool: true,
  managerEditEffects: ["mail_updated_invoice"],
};

/** The form the editor renders for `d`, as the browser posts it. */
function posted(d: WorkflowDef): FormData {
  const f = new FormData();
  f.set("rest", restOf(d));
  f.set("initial", d.initial);
  f.set("s.count", String(d.statuses.length));
  f.set("t.count", String(d.transitions.length));
  d.statuses.forEach((s, i) => {
    for (const k of ["code", "label", "labelEn", "category", "color", "tab"] as const) f.set(`s.${i}.${k}`, s[k]);
    for (const e of s.editableBy) f.append(`s.${i}.editableBy`, e);
  });
  d.transitions.forEach((t, j) => {
    for (const k of ["from", "to", "label", "labelEn"] as const) f.set(`t.${j}.${k}`, t[k]);
    f.set(`t.${j}.on`, t.on ?? "");
    f.set(`t.${j}.rights`, rightsOf(t));
    for (const a of t.by) f.append(`t.${j}.by`, a);
    for (const g of t.guards.filter((x) => !x.startsWith("has_right:"))) f.append(`t.${j}.guards`, g);
    for (const e of t.effects) f.append(e.startsWith("notify") ? `t.${j}.notify` : `t.${j}.effects`, e);
  });
  return f;
}

describe("the workflow editor's form", () => {
  it("posts back exactly the definition it shows", () => {
    expect(definitionFromForm(posted(wf))).toEqual(wf);
  });

  it.each<[string, (f: FormData) => void, (d: WorkflowDef) => unknown, unknown]>([
    ["a colour typed in capitals", (f) => f.set("s.0.color", "#AABBCC"), (d) => d.statuses[0]?.color, "#aabbcc"],
    [
      "several rights, comma or space separated",
      (f) => f.set("t.0.rights", "orders.send, finance.view  x"),
      (d) => d.transitions[0]?.guards,
      ["has_right:orders.send", "has_right:finance.view", "has_right:x", "no_overdue_debt"],
    ],
    ["no event chosen", (f) => f.set("t.0.on", ""), (d) => d.transitions[0]?.on, null],
    ["a status nobody may edit", (f) => f.delete("s.0.editableBy"), (d) => d.statuses[0]?.editableBy, []],
    ["a forged row count", (f) => f.set("s.count", "100000"), (d) => d.statuses.length, 0],
  ])("reads %s", (_, change, pick, expected) => {
    const f = posted(wf);
    change(f);
    expect(pick(definitionFromForm(f))).toEqual(expected);
  });

  it.each<[string, (d: WorkflowDef) => unknown, unknown]>([
    ["add-status", (d) => d.statuses.map((s) => s.code), ["new", "done", ""]],
    ["remove-status:0", (d) => d.statuses.map((s) => s.code), ["done"]],
    [
      "add-transition",
      (d) => d.transitions.map((t) => `${t.from}>${t.to} ${t.by}`),
      ["new>done dealer", "new>new manager"],
    ],
    ["remove-transition:0", (d) => d.transitions.length, 0],
    ["check", (d) => d, wf],
  ])("applies %s", (intent, pick, expected) => {
    expect(pick(applyIntent(wf, intent))).toEqual(expected);
  });
});
