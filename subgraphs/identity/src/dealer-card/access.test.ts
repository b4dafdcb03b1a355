import { describe, expect, it } from "vitest";
import { mayOpenDealerCard } from "./access.ts";

describe("mayOpenDealerCard", () => {
  it.each<[string, string[], (string | null)[], boolean]>([
    ["the dealer's own manager", ["manager"], ["usr_m1", null], true],
    ["a dealer nobody manages yet (the pool)", ["manager"], [null, null], true],
    ["another manager's dealer", ["manager"], ["usr_m2"], false],
    ["another manager's dealer, tenant admin", ["manager", "tenant_admin"], ["usr_m2"], true],
    ["platform admin", ["platform_admin"], ["usr_m2"], true],
    ["not staff", ["dealer_admin"], [], false],
  ])("%s", (_, roles, managers, expected) => {
    expect(mayOpenDealerCard({ userId: "usr_m1", roles }, managers)).toBe(expected);
  });
});
