import { describe, expect, it } from "vitest";
import { completeInn, isValidInn } from "./inn.ts";

describe("isValidInn", () => {
  it.each([
    ["7707083893", "Сбербанк"],
    ["7736050003", "Газпром"],
    ["7702070139", "ВТБ"],
    ["500100732259", "12-digit individual"],
    ["773370857141", "12-digit individual"],
  ])("accepts valid %s (%s)", (inn) => {
    expect(isValidInn(inn)).toBe(true);
  });

  it.each([
    ["7707083894", "wrong 10th digit"],
    ["500100732258", "wrong 12th digit"],
    ["500100732269", "wrong 11th digit"],
    ["770708389", "too short"],
    ["77070838931", "11 digits"],
    ["77070838a3", "non-digit"],
    ["", "empty"],
    ["1234567890", "example from the seed"],
    [" 7707083893", "leading space"],
  ])("rejects %s (%s)", (inn) => {
    expect(isValidInn(inn)).toBe(false);
  });
});

describe("completeInn", () => {
  it.each([
    ["770708389", "7707083893"],
    ["5001007322", "500100732259"],
  ])("completes %s to %s", (prefix, inn) => {
    expect(completeInn(prefix)).toBe(inn);
    expect(isValidInn(completeInn(prefix))).toBe(true);
  });

  it("rejects a prefix of the wrong length", () => {
    expect(() => completeInn("12345")).toThrow(/9 or 10 digits/);
  });
});
