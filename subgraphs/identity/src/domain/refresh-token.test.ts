import { describe, expect, it } from "vitest";
import { formatRefreshToken, hashRefreshToken, parseRefreshToken, refreshVerdict, sameHash } from "./refresh-token.ts";

const SECRET = "A".repeat(43);

describe("parseRefreshToken", () => {
  it.each([
    [`ten_keaz.rtk_01abc.${SECRET}`, { tenantId: "ten_keaz", tokenId: "rtk_01abc" }],
    [`ten_a1.rtk_z9.${"-_aZ09".repeat(7)}x`, { tenantId: "ten_a1", tokenId: "rtk_z9" }],
    [`ten_keaz.rtk_01abc`, null],
    [`ten_keaz.rtk_01abc.${SECRET}.extra`, null],
    [`ten_keaz.rtk_01abc.${SECRET.slice(1)}`, null],
    [`ten_keaz.rtk_01abc.${SECRET.slice(1)}=`, null],
    [`TEN_keaz.rtk_01abc.${SECRET}`, null],
    [`ten_keaz..${SECRET}`, null],
    [`'; drop table x; --.rtk_1.${SECRET}`, null],
    ["", null],
    ["x".repeat(1000), null],
  ])("%s", (token, want) => {
    expect(parseRefreshToken(token)).toEqual(want);
  });

  it("round-trips a formatted token with a fresh 32-byte secret", () => {
    const token = formatRefreshToken({ tenantId: "ten_keaz", tokenId: "rtk_0abc" });
    expect(parseRefreshToken(token)).toEqual({ tenantId: "ten_keaz", tokenId: "rtk_0abc" });
    expect(token.split(".")[2]).toHaveLength(43);
    expect(formatRefreshToken({ tenantId: "ten_keaz", tokenId: "rtk_0abc" })).not.toBe(token);
  });
});

describe("hashRefreshToken / sameHash", () => {
  it.each([
    ["a", "a", true],
    ["a", "b", false],
    [`ten_a.rtk_1.${SECRET}`, `ten_a.rtk_1.${SECRET}`, true],
  ])("%s vs %s -> %s", (a, b, want) => {
    expect(sameHash(hashRefreshToken(a), hashRefreshToken(b))).toBe(want);
  });

  it("never matches an empty or malformed digest", () => {
    expect(sameHash("", "")).toBe(false);
    expect(sameHash(hashRefreshToken("a"), "abcd")).toBe(false);
  });
});

describe("refreshVerdict", () => {
  const now = new Date("2026-05-01T12:00:00Z");
  it.each([
    [null, "2026-05-02T00:00:00Z", "valid"],
    [null, "2026-05-01T12:00:00Z", "expired"],
    [null, "2026-04-01T00:00:00Z", "expired"],
    ["2026-04-30T00:00:00Z", "2026-05-02T00:00:00Z", "revoked"],
    ["2026-04-30T00:00:00Z", "2026-04-01T00:00:00Z", "revoked"],
  ] as const)("revoked %s, expires %s -> %s", (revokedAt, expiresAt, want) => {
    expect(
      refreshVerdict({ revokedAt: revokedAt ? new Date(revokedAt) : null, expiresAt: new Date(expiresAt) }, now),
    ).toBe(want);
  });
});
