import { describe, expect, it } from "vitest";
import { formatApiKey, linkVerdict, parseApiKey } from "./link-token.ts";

describe("API keys", () => {
  it("round-trips and refuses anything else", () => {
    const key = formatApiKey("ten_keaz", "apk_01x");
    expect(key.startsWith("dppk_ten_keaz.apk_01x.")).toBe(true);
    expect(parseApiKey(key)).toEqual({ tenantId: "ten_keaz", keyId: "apk_01x" });
    expect(parseApiKey(key.slice(5))).toBeNull();
    expect(parseApiKey(`${key}x`)).toBeNull();
    expect(parseApiKey("dppk_")).toBeNull();
  });
});

describe("linkVerdict", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  it.each([
    [null, "2026-05-01T13:00:00Z", "valid"],
    [null, "2026-05-01T12:00:00Z", "expired"],
    ["2026-05-01T11:00:00Z", "2026-05-01T13:00:00Z", "used"],
    ["2026-05-01T11:00:00Z", "2026-04-01T13:00:00Z", "used"],
  ] as const)("used %s, expires %s -> %s", (used, expires, want) => {
    expect(linkVerdict({ usedAt: used ? new Date(used) : null, expiresAt: new Date(expires) }, now)).toBe(want);
  });
});
