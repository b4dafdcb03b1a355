import { describe, expect, it } from "vitest";
import { normalizeEmail } from "./email.ts";

describe("normalizeEmail", () => {
  it.each([
    ["dealer@example.ru", "dealer@example.ru"],
    ["Dealer@Example.RU", "dealer@example.ru"],
    ["  ivanov@keaz.demo \t", "ivanov@keaz.demo"],
    ["ПОЧТА@пример.рф", "почта@пример.рф"],
    ["", ""],
  ])("%j -> %j", (input, want) => {
    expect(normalizeEmail(input)).toBe(want);
  });
});
