import { demoTenantDefinition } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { dateRange, tabCounts, tabSelection } from "./lists.ts";

const keaz = demoTenantDefinition("keaz").workflow;
if (!keaz) throw new Error("keaz");

describe("order list tabs", () => {
  it.each([
    ["drafts", { kind: "drafts" }],
    ["finished", { kind: "statuses", statusCodes: ["completed", "rejected"] }],
    ["tracked", { kind: "tracked" }],
    ["nope", { code: "UNKNOWN_TAB" }],
  ])("tab %s", (tab, want) => {
    expect(tabSelection(keaz, tab)).toMatchObject(want);
  });

  it("counts drafts, statuses and tracked orders per tab", () => {
    const g = (isDraft: boolean, statusCode: string, tracked: boolean, count: number) => ({
      isDraft,
      statusCode,
      tracked,
      count,
    });
    expect(
      tabCounts(keaz, [
        g(true, "draft", false, 3),
        g(false, "invoiced", true, 2),
        g(false, "invoiced", false, 1),
        g(false, "production", false, 4),
        g(false, "completed", true, 1),
        g(false, "rejected", false, 5),
      ]),
    ).toEqual([
      { code: "drafts", count: 3 },
      { code: "invoiced", count: 3 },
      { code: "production", count: 4 },
      { code: "finished", count: 6 },
      { code: "tracked", count: 3 },
    ]);
  });
});

describe("date range", () => {
  it.each([
    [null, null, { from: null, to: null }],
    ["2026-01-01", "2026-01-31", { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") }],
    ["2026-02-30x", null, { code: "INVALID_DATE" }],
    ["2026-03-01", "2026-02-01", { code: "INVALID_DATE" }],
  ])("%s .. %s", (from, to, want) => {
    expect(dateRange(from, to)).toMatchObject(want);
  });
});
