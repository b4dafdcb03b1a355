import { describe, expect, it } from "vitest";
import { chooseMembership } from "./membership.ts";

const m = (id: string, tenantSlug: string) => ({ id, tenantSlug });
const all = [m("mem_3", "wasserkraft"), m("mem_2", "keaz"), m("mem_9", "spectr"), m("mem_1", "keaz")];

describe("chooseMembership", () => {
  it.each([
    ["no slug: first tenant by slug, then by id", all, undefined, "mem_1"],
    ["null slug behaves like no slug", all, null, "mem_1"],
    ["empty slug behaves like no slug", all, "", "mem_1"],
    ["the requested tenant", all, "wasserkraft", "mem_3"],
    ["the requested tenant, lowest id first", all, "keaz", "mem_1"],
    ["no membership in the requested tenant", all, "vitup", null],
    ["no memberships at all", [], undefined, null],
    ["no memberships, slug given", [], "keaz", null],
  ] as const)("%s", (_name, list, slug, want) => {
    expect(chooseMembership(list, slug)?.id ?? null).toBe(want);
  });

  it("does not reorder the caller's array", () => {
    const copy = [...all];
    chooseMembership(copy);
    expect(copy).toEqual(all);
  });
});
