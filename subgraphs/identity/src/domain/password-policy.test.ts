import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describePasswordPolicy, generatePassword, passwordProblem } from "./password-policy.ts";

const wk = { minLength: 6, requireDigit: false, requireLower: false, requireUpper: false };
const keaz = { minLength: 8, requireDigit: true, requireLower: true, requireUpper: true };
const spectr = { minLength: 6, requireDigit: true, requireLower: false, requireUpper: false };

describe("passwordProblem", () => {
  it.each([
    [wk, "abcdef", undefined, null],
    [wk, "abcde", undefined, "Пароль должен быть не короче 6 символов"],
    [wk, "abcdef", "abcdeg", "Пароли не совпадают"],
    [wk, "abcdef", "abcdef", null],
    [keaz, "Abcdefg1", undefined, null],
    [keaz, "abcdefg1", undefined, "Пароль должен содержать заглавные латинские буквы"],
    [keaz, "ABCDEFG1", undefined, "Пароль должен содержать строчные латинские буквы"],
    [keaz, "Abcdefgh", undefined, "Пароль должен содержать цифры"],
    [keaz, "Ab1", undefined, "Пароль должен быть не короче 8 символов"],
    [keaz, "абвгдеёж", undefined, "Пароль должен содержать цифры, строчные латинские буквы, заглавные латинские буквы"],
    [
      keaz,
      "",
      undefined,
      "Пароль должен быть не короче 8 символов и содержать цифры, строчные латинские буквы, заглавные латинские буквы",
    ],
    [spectr, "secret1", undefined, null],
    [spectr, "secret", undefined, "Пароль должен содержать цифры"],
    [wk, "x".repeat(129), undefined, "Пароль должен быть не длиннее 128 символов"],
  ] as const)("%j %s -> %s", (policy, password, repeat, want) => {
    expect(passwordProblem(policy, password, repeat)).toBe(want);
  });
});

describe("generatePassword", () => {
  it("always satisfies the strictest policy", () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword(randomInt);
      expect(p).toHaveLength(12);
      expect(passwordProblem(keaz, p)).toBeNull();
    }
  });
});

describe("describePasswordPolicy", () => {
  it.each([
    [wk, "Не короче 6 символов"],
    [spectr, "Не короче 6 символов; должен содержать цифры"],
    [keaz, "Не короче 8 символов; должен содержать цифры, строчные латинские буквы, заглавные латинские буквы"],
  ] as const)("%j -> %s", (policy, want) => {
    expect(describePasswordPolicy(policy)).toBe(want);
  });
});
