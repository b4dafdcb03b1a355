import { describe, expect, it } from "vitest";
import { smsAddress } from "./address.ts";

describe("smsAddress", () => {
  it.each<[string, string | null]>([
    ["+7 916 555-12-34", "79165551234"],
    ["+7 (495) 120-45-67", "74951204567"],
    ["8 916 555 12 34", "79165551234"],
    ["89165551234", "79165551234"],
    ["916 555-12-34", "79165551234"],
    ["+375 29 123-45-67", "375291234567"],
    ["+7 916", null],
    ["доб. 123", null],
    ["", null],
    ["+7 916 555-12-34 доб. 5", null],
  ])("%s → %s", (phone, expected) => {
    expect(smsAddress(phone)).toBe(expected);
  });
});
