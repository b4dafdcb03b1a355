import { describe, expect, it } from "vitest";
import { beyondGrantor, keyPermissions, sessionPermissions, unknownPermissions } from "./permissions.ts";

const ALL = ["orders.send", "finance.view", "stock.view", "api_keys.manage"];

describe("sessionPermissions", () => {
  it.each([
    ["active keeps all", "active", ALL, false, ALL],
    ["view-only keeps reading rights", "view_only", ALL, false, ["finance.view", "stock.view"]],
    ["generated password: reading rights only", "active", ALL, true, ["finance.view", "stock.view"]],
    ["pending: no session", "pending", ALL, false, null],
    ["blocked: no session", "blocked", ALL, false, null],
    ["duplicates collapse", "active", ["orders.send", "orders.send"], false, ["orders.send"]],
  ] as const)("%s", (_n, status, perms, mustChange, want) => {
    expect(sessionPermissions(status, perms, mustChange)).toEqual(want);
  });
});

describe("unknownPermissions / beyondGrantor", () => {
  it.each([
    [["orders.send"], ALL, [], []],
    [["orders.send", "root"], ALL, ["root"], ["root"]],
    [["nomenclature.file"], ALL, [], ["nomenclature.file"]],
    // Only own orders narrows: anyone who may grant rights may grant it.
    [["orders.own_only", "finance.view"], ["finance.view"], [], []],
    [[], [], [], []],
  ] as const)("%j from %j", (requested, grantor, unknown, beyond) => {
    expect(unknownPermissions(requested)).toEqual(unknown);
    expect(beyondGrantor(requested, grantor)).toEqual(beyond);
  });
});

describe("keyPermissions", () => {
  it.each([
    [["orders.send", "stock.view"], ["orders.send"], ["orders.send"]],
    [["orders.send", "orders.own_only"], ["orders.send"], ["orders.send", "orders.own_only"]],
    [["orders.send"], ["orders.send", "orders.own_only"], ["orders.send", "orders.own_only"]],
    [[], ["finance.view"], []],
  ] as const)("key %j, creator %j → %j", (key, creator, want) => {
    expect(keyPermissions(key, creator)).toEqual(want);
  });
});
