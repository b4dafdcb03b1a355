import { describe, expect, it } from "vitest";
import { activeCounterparty, availableCounterparties } from "./counterparty.ts";

describe("availableCounterparties", () => {
  it.each([
    { company: ["c1", "c2"], allowed: [], expected: ["c1", "c2"] },
    { company: ["c1", "c2"], allowed: ["c2"], expected: ["c2"] },
    { company: ["c1", "c2"], allowed: ["c3"], expected: [] },
    { company: [], allowed: [], expected: [] },
  ])("company $company, allowed $allowed → $expected", ({ company, allowed, expected }) => {
    expect(availableCounterparties(company, allowed)).toEqual(expected);
  });
});

describe("activeCounterparty", () => {
  it.each([
    { available: ["c1", "c2"], wanted: "c2", expected: "c2" },
    { available: ["c1", "c2"], wanted: null, expected: "c1" },
    { available: ["c1"], wanted: "c2", expected: "c1" },
    { available: [], wanted: "c2", expected: null },
    { available: [], wanted: undefined, expected: null },
  ])("$available, wanted $wanted → $expected", ({ available, wanted, expected }) => {
    expect(activeCounterparty(available, wanted)).toBe(expected);
  });
});
