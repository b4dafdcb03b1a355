import type { Workflow, WorkflowStatus } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { type InFlightOrder, mappingsOf, planMigration } from "./migration.ts";

const s = (code: string, category: WorkflowStatus["category"] = "active"): WorkflowStatus => ({
  code,
  label: code.toUpperCase(),
  labelEn: code,
  category,
  color: "#0275d8",
  editableBy: [],
  tab: "orders",
});
const wf = (...statuses: WorkflowStatus[]): Workflow => ({
  statuses,
  initial: statuses[0]?.code ?? "new",
  tabs: [{ code: "orders", label: "Заказы", labelEn: "Orders", kind: "statuses" }],
  transitions: [],
  managerPool: false,
  managerEdit: { effects: [] },
});

// v1: new → checking → shipped / cancelled; v2 renames checking to review and adds packing.
const v1 = wf(s("new"), s("checking"), s("shipped", "done"), s("cancelled", "cancelled"));
const v2 = wf(s("new"), s("review"), s("packing"), s("shipped", "done"), s("cancelled", "cancelled"));
const versions = new Map([
  [1, v1],
  [2, v2],
]);
const order = (id: string, statusCode: string, workflowVersion = 1): InFlightOrder => ({
  id,
  number: id,
  statusCode,
  workflowVersion,
});
const orders = [order("1", "new"), order("2", "checking"), order("3", "shipped"), order("4", "new", 2)];

const plan = (mappings: Record<string, string>) =>
  planMigration({ orders, versions, toVersion: 2, target: v2, mappings });
const summary = (p: ReturnType<typeof plan>) => ({
  moves: p.moves.map((m) => `${m.orderId}: ${m.from.code} → ${m.to?.code ?? "?"}${m.mapped ? " (mapped)" : ""}`),
  unmapped: p.unmapped.map((x) => x.code),
  problems: p.problems.map((x) => x.code),
  ready: p.ready,
});

describe("moving in-flight orders to another version", () => {
  it.each<[string, Record<string, string>, ReturnType<typeof summary>]>([
    [
      "without mappings: a kept code moves as is, a removed one waits for a mapping; finished and current orders stay",
      {},
      { moves: ["1: new → new", "2: checking → ?"], unmapped: ["checking"], problems: [], ready: false },
    ],
    [
      "with a mapping for the removed status",
      { checking: "review" },
      { moves: ["1: new → new", "2: checking → review (mapped)"], unmapped: [], problems: [], ready: true },
    ],
    [
      "a kept code remapped on purpose",
      { checking: "review", new: "packing" },
      {
        moves: ["1: new → packing (mapped)", "2: checking → review (mapped)"],
        unmapped: [],
        problems: [],
        ready: true,
      },
    ],
    [
      "a mapping to a status the target lacks",
      { checking: "nowhere" },
      {
        moves: ["1: new → new", "2: checking → ? (mapped)"],
        unmapped: [],
        problems: ["UNKNOWN_TARGET_STATUS"],
        ready: false,
      },
    ],
    [
      "a mapping that would finish orders",
      { checking: "shipped" },
      {
        moves: ["1: new → new", "2: checking → ? (mapped)"],
        unmapped: [],
        problems: ["FINAL_TARGET_STATUS"],
        ready: false,
      },
    ],
    [
      "a mapping no order needs (does not block)",
      { checking: "review", lost: "review" },
      {
        moves: ["1: new → new", "2: checking → review (mapped)"],
        unmapped: [],
        problems: ["UNUSED_MAPPING"],
        ready: true,
      },
    ],
  ])("%s", (_, mappings, expected) => {
    expect(summary(plan(mappings))).toEqual(expected);
  });

  it("reads mappings from the form: blanks are no mapping, the last one wins", () => {
    expect(
      mappingsOf([
        { from: "a", to: " " },
        { from: "b", to: "x" },
        { from: "b", to: " y " },
      ]),
    ).toEqual({ b: "y" });
  });
});
