import { describe, expect, it } from "vitest";
import { checkEan13, ean13, ean13CheckDigit } from "./ean13.ts";

describe("EAN-13", () => {
  it.each([
    ["460123456789", 3],
    ["400638133393", 1],
    ["590123412345", 7],
    ["000000000000", 0],
  ])("check digit of %s is %i", (first12, digit) => {
    expect(ean13CheckDigit(first12)).toBe(digit);
  });

  it.each([
    ["4006381333931", { ok: true, value: "4006381333931" }],
    ["4 006381 333931", { ok: true, value: "4006381333931" }],
    ["4006381333932", { ok: false, message: "EAN-13 «4006381333932»: неверная контрольная цифра (ожидалась 1)" }],
    ["400638133393", { ok: false, message: "EAN-13 «400638133393»: нужно 13 цифр, а в коде 12" }],
    ["40063813339X1", { ok: false, message: "EAN-13 «40063813339X1»: допустимы только цифры" }],
    ["", { ok: false, message: "EAN-13 «»: допустимы только цифры" }],
  ])("checkEan13(%j)", (input, expected) => {
    expect(checkEan13(input)).toEqual(expected);
  });

  it("completes twelve digits", () => {
    expect(ean13("590123412345")).toBe("5901234123457");
    expect(() => ean13("59012341234")).toThrow(RangeError);
  });
});
