import { describe, expect, it } from "vitest";
import { isoToRuDate, ruDateToIso } from "./account-form";

describe("ru-RU dates in forms", () => {
  it.each([
    ["31.12.1980", "1980-12-31"],
    ["1.2.2001", "2001-02-01"],
    [" 29.02.2024 ", "2024-02-29"],
    ["", ""],
    ["29.02.2023", null],
    ["31.04.2020", null],
    ["2020-04-01", null],
    ["12/31/1980", null],
  ])("%j → %j", (input, want) => {
    expect(ruDateToIso(input)).toBe(want);
  });

  it("formats ISO dates back", () => {
    expect(isoToRuDate("1980-12-31")).toBe("31.12.1980");
    expect(isoToRuDate(null)).toBe("");
  });
});
