import { describe, expect, it } from "vitest";
import { staffMayAct } from "./manager-access.ts";

describe("staffMayAct", () => {
  it.each([
    ["the manager leading the order", "m1", "m1", false, null],
    ["any manager on a pool order", null, "m2", false, null],
    ["another manager's order", "m1", "m2", false, "NOT_YOUR_ORDER"],
    ["an administrator on another manager's order", "m1", "a1", true, null],
    ["an administrator on a pool order", null, "a1", true, null],
  ])("%s", (_, leader, userId, admin, code) => {
    expect(staffMayAct({ managerUserId: leader }, { userId, admin })?.code ?? null).toBe(code);
  });
});
