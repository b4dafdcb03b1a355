import { describe, expect, it } from "vitest";
import { formatIsoDate, readinessFilter } from "./readiness";

describe("readinessFilter", () => {
  it.each([
    ["", { search: null, from: null, to: null, statuses: null, openOnly: null }],
    [
      "q=%20000042%20&from=2026-11-01&to=2026-11-30&open=1",
      { search: "000042", from: "2026-11-01", to: "2026-11-30", statuses: null, openOnly: true },
    ],
    ["status=IN_STOCK&status=BOGUS&status=PRODUCTION", { statuses: ["IN_STOCK", "PRODUCTION"] }],
  ])("%s", (query, expected) => {
    expect(readinessFilter(new URLSearchParams(query))).toMatchObject(expected);
  });
});

describe("formatIsoDate", () => {
  it.each([
    ["2026-11-25", "25.11.2026"],
    [null, "—"],
  ])("%s → %s", (iso, text) => {
    expect(formatIsoDate(iso)).toBe(text);
  });
});
