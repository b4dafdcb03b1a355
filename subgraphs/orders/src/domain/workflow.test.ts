import type { Workflow } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { canTransition, DRAFT_STATUS, initialStatus, statusOf, transitionsFrom } from "./workflow.ts";

const workflow: Workflow = {
  statuses: [
    { code: "invoiced", label: "Получен счет", category: "active", color: "#f0ad4e" },
    { code: "production", label: "В производстве", category: "active", color: "#0275d8" },
    { code: "completed", label: "Выполнен", category: "done", color: "#2e7d32" },
    { code: "rejected", label: "Отклонен", category: "cancelled", color: "#c62828" },
  ],
  initial: "invoiced",
  transitions: [
    { from: "invoiced", to: "production", by: ["dealer", "system"], label: "Отправить в производство" },
    { from: "production", to: "completed", by: ["manager", "system"], label: "Отгружен" },
    { from: "invoiced", to: "rejected", by: ["manager"], label: "Отклонить" },
  ],
};

describe("workflow", () => {
  it("submits into the initial status", () => {
    expect(initialStatus(workflow)).toEqual(workflow.statuses[0]);
    expect(() => initialStatus({ ...workflow, initial: "nope" })).toThrow(/initial status/);
  });

  it.each([
    ["draft", null, "Черновик"],
    ["draft", workflow, "Черновик"],
    ["production", workflow, "В производстве"],
    ["removed_status", workflow, "removed_status"],
  ] as const)("status %s -> %s", (code, wf, label) => {
    expect(statusOf(wf, code).label).toBe(label);
  });

  it("drafts are a platform status, not a tenant one", () => {
    expect(DRAFT_STATUS).toEqual({ code: "draft", label: "Черновик", category: "draft", color: "#6b7280" });
  });

  it.each([
    ["invoiced", "production", "dealer", true],
    ["invoiced", "production", "system", true],
    ["invoiced", "rejected", "dealer", false],
    ["invoiced", "rejected", "manager", true],
    ["production", "invoiced", "manager", false],
    ["completed", "rejected", "manager", false],
  ] as const)("%s -> %s by %s: %s", (from, to, by, want) => {
    expect(canTransition(workflow, from, to, by)).toBe(want);
  });

  it("lists the transitions an actor may take", () => {
    expect(transitionsFrom(workflow, "invoiced", "manager").map((t) => t.to)).toEqual(["rejected"]);
    expect(transitionsFrom(workflow, "completed", "manager")).toEqual([]);
  });
});
