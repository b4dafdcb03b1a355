import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { composeFromSdl } from "../src/compose.ts";
import { buildPublicContract, unrecordedBreakingChanges } from "../src/contract.ts";

const read = (p: string) => readFileSync(new URL(`../../schema/${p}`, import.meta.url), "utf8");

describe("public contract (schema/public.graphql)", () => {
  const contract = buildPublicContract(read("supergraph.graphql"));

  it("is up to date with the supergraph (run `npm run compose`)", () => {
    expect(read("public.graphql")).toBe(contract.sdl);
  });

  it("describes every public type, field and argument", () => {
    expect(contract.undocumented).toEqual([]);
  });

  it("has no breaking change since the last release that public-changes.md does not record", () => {
    expect(unrecordedBreakingChanges(read("public.released.graphql"), contract.sdl, read("public-changes.md"))).toEqual(
      [],
    );
  });
});

const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])`;
const tiny = (extra = "") =>
  composeFromSdl([
    {
      name: "a",
      url: "http://a/graphql",
      typeDefs: `${LINK}
"An item." type Item @key(fields: "id") {
  "Id." id: ID!
  "Secret." cost: Int @tag(name: "internal")
  "Kind." kind: Kind!
}
"Kind." enum Kind { A B }
"Staff only." type Audit { "Who." who: String! }
type Query {
  "Items." items("How many." first: Int): [Item!]! @tag(name: "public")
  "Audit." audit: [Audit!]!
  ${extra}
}`,
    },
  ]);

describe("contract filtering and the breaking-change check", () => {
  it("keeps tagged root fields and what they reach, drops untagged and internal ones", () => {
    const { sdl, undocumented } = buildPublicContract(tiny(`undocumented(x: Int): Int @tag(name: "public")`));
    expect(sdl).toContain("items(\n");
    expect(sdl).toContain("enum Kind");
    expect(sdl).not.toContain("cost");
    expect(sdl).not.toContain("Audit");
    expect(undocumented).toEqual(["Query.undocumented", "Query.undocumented(x:)"]);
  });

  it("reports a removal or a type change unless it is recorded", () => {
    const released = buildPublicContract(tiny(`"Old." old: String @tag(name: "public")`)).sdl;
    const current = buildPublicContract(tiny()).sdl;
    expect(unrecordedBreakingChanges(released, current, "")).toEqual(["Query.old was removed."]);
    expect(unrecordedBreakingChanges(released, current, "- Query.old was removed. Use items.")).toEqual([]);
    const changed = released.replace("kind: Kind!", "kind: String!");
    expect(unrecordedBreakingChanges(released, changed, "")).toEqual(["Item.kind changed type from Kind! to String!."]);
  });
});
