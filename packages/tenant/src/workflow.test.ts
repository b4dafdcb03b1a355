import { describe, expect, it } from "vitest";
import { demoTenantDefinition, demoTenantDefinitions } from "./tenants/index.ts";
import { type Workflow, workflowProblems, workflowSchema } from "./workflow.ts";

const status = (code: string, category: Workflow["statuses"][number]["category"] = "active", tab = "orders") => ({
  code,
  label: code,
  labelEn: code,
  category,
  color: "#000000",
  editableBy: [],
  tab,
});
const move = (from: string, to: string, extra: Partial<Workflow["transitions"][number]> = {}) => ({
  from,
  to,
  by: ["manager" as const],
  label: "→",
  labelEn: "→",
  guards: [],
  effects: [],
  ...extra,
});

const valid: Workflow = {
  statuses: [status("new"), status("done", "done"), status("cancelled", "cancelled")],
  initial: "new",
  tabs: [
    { code: "drafts", label: "Черновики", labelEn: "Drafts", kind: "drafts" },
    { code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" },
  ],
  transitions: [move("new", "done"), move("new", "cancelled")],
  managerPool: false,
  managerEdit: { effects: [] },
};

describe("workflow validation", () => {
  it("accepts a minimal workflow", () => {
    expect(workflowProblems(valid)).toEqual([]);
    expect(workflowSchema.safeParse(valid).success).toBe(true);
  });

  it.each<[string, Partial<Workflow>, string]>([
    ["an unknown initial", { initial: "nope" }, 'initial status "nope" is not a status'],
    ["a final initial", { initial: "done" }, 'initial status "done" must be active'],
    ["duplicate codes", { statuses: [...valid.statuses, status("new")] }, "status codes must be unique"],
    [
      "an unreachable status",
      { statuses: [...valid.statuses, status("limbo", "cancelled")] },
      'status limbo is not reachable from "new"',
    ],
    [
      "a dead end",
      { statuses: [...valid.statuses, status("stuck")], transitions: [...valid.transitions, move("new", "stuck")] },
      "status stuck is a dead end: only done or cancelled statuses may have no way out",
    ],
    [
      "a transition to an unknown status",
      { transitions: [...valid.transitions, move("new", "teleported")] },
      'transition new -> teleported: unknown status "teleported"',
    ],
    [
      "a loop onto itself",
      { transitions: [...valid.transitions, move("new", "new")] },
      "transition new -> new: goes nowhere",
    ],
    [
      "a system transition without an event",
      { transitions: [...valid.transitions, move("new", "done", { by: ["system"] })] },
      "transition new -> done: a system transition needs the event that fires it (on)",
    ],
    [
      "an event on a manager's transition",
      { transitions: [...valid.transitions, move("new", "done", { on: "fully_paid" })] },
      'transition new -> done: only the system fires on "fully_paid"',
    ],
    [
      "two transitions on one event",
      {
        transitions: [
          move("new", "done", { by: ["system"], on: "fully_paid" }),
          move("new", "cancelled", { by: ["system"], on: "fully_paid" }),
        ],
      },
      'transition new -> cancelled: another transition from new already fires on "fully_paid"',
    ],
    [
      "a status under an unknown tab",
      { statuses: [status("new", "active", "elsewhere"), ...valid.statuses.slice(1)] },
      'status new: unknown status tab "elsewhere"',
    ],
    [
      "a status under the drafts tab",
      { statuses: [status("new", "active", "drafts"), ...valid.statuses.slice(1)] },
      'status new: unknown status tab "drafts"',
    ],
    [
      "a draft status",
      {
        statuses: [...valid.statuses, status("draft", "draft")],
        transitions: [...valid.transitions, move("new", "draft")],
      },
      "status draft: drafts are the platform's, not a workflow status",
    ],
  ])("refuses %s", (_, change, problem) => {
    const wf = { ...valid, ...change };
    expect(workflowProblems(wf)).toContain(problem);
    expect(workflowSchema.safeParse(wf).success).toBe(false);
  });

  it.each([
    ["an unknown guard", { guards: ["has_luck"] }, /guards/],
    ["a right guard without a right", { guards: ["has_right:"] }, /guards/],
    ["an unknown effect", { effects: ["launch_rocket"] }, /effects/],
    ["an unknown event", { by: ["system"], on: "moon_phase" }, /on/],
  ])("refuses %s", (_, extra, path) => {
    const wf = { ...valid, transitions: [...valid.transitions, { ...move("new", "done"), ...extra }] };
    const r = workflowSchema.safeParse(wf);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual([expect.stringMatching(path)]);
  });

  it("accepts known guards, rights and effects", () => {
    const t = move("new", "done", {
      guards: ["has_right:orders.send", "contract_has_deferral", "no_overdue_debt", "credit_limit", "stock_reserved"],
      effects: ["reserve_stock", "release_stock", "notify_dealer", "notify_manager"],
    });
    expect(workflowSchema.safeParse({ ...valid, transitions: [t, move("new", "cancelled")] }).success).toBe(true);
  });
});

describe("the five demo workflows", () => {
  const wf = (slug: string) => demoTenantDefinition(slug).workflow;
  const from = (w: Workflow, code: string) => w.transitions.filter((t) => t.from === code);

  it.each(demoTenantDefinitions.map((d) => [d.slug, d.workflow] as const))("%s is valid", (_, w) => {
    expect(workflowProblems(w)).toEqual([]);
  });

  it("keaz: send to production with deferral and the right; automatically on full payment", () => {
    const k = wf("keaz");
    expect(from(k, "invoiced").filter((t) => t.to === "production")).toEqual([
      expect.objectContaining({ by: ["dealer"], guards: ["has_right:orders.send", "contract_has_deferral"] }),
      expect.objectContaining({ by: ["system"], on: "fully_paid" }),
    ]);
    expect(k.statuses.every((s) => s.editableBy.length === 0)).toBe(true);
    expect(k.tabs.map((t) => t.label)).toEqual([
      "Черновики",
      "Получен счет",
      "В производстве",
      "Завершенные",
      "Отслеживаемые",
    ]);
  });

  it("spectr: orders without a manager go to the pool", () => {
    expect(wf("spectr").managerPool).toBe(true);
  });

  it("vitup: confirmation only without overdue debt; done and cancelled in the archive", () => {
    const v = wf("vitup");
    expect(from(v, "pending_confirmation").find((t) => t.to === "confirmed")?.guards).toEqual(["no_overdue_debt"]);
    expect(v.statuses.filter((s) => s.tab === "archive").map((s) => s.code)).toEqual(["completed", "cancelled"]);
  });

  it("autoparts: the system reserves on submission, the dealer confirms a live reserve, expiry cancels", () => {
    const a = wf("autoparts");
    expect(from(a, "new").find((t) => t.on === "submitted")).toMatchObject({
      to: "reserve",
      effects: ["reserve_stock", "notify_dealer", "sms_dealer"],
    });
    // Seed 004: every status change the dealer is told of goes by e-mail and SMS.
    for (const t of a.transitions.filter((x) => x.effects.includes("notify_dealer")))
      expect(t.effects, `${t.from} -> ${t.to}`).toContain("sms_dealer");
    expect(from(a, "reserve").find((t) => t.by.includes("dealer") && t.to === "in_work")?.guards).toEqual([
      "stock_reserved",
    ]);
    expect(from(a, "reserve").find((t) => t.on === "reservation_expired")?.to).toBe("cancelled");
    expect(demoTenantDefinition("autoparts").features.reserveHoldHours).toBe(72);
  });
});
