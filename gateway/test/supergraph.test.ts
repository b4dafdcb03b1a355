import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../src/compose.ts";
import { repoRoot } from "../src/subgraphs.ts";

describe("schema/supergraph.graphql", () => {
  it("is the composition of the subgraphs' current schemas", () => {
    const checkedIn = readFileSync(path.join(repoRoot, "schema", "supergraph.graphql"), "utf8");
    const fresh = composeSupergraph();
    expect(
      checkedIn.trimEnd() === fresh.trimEnd(),
      "schema/supergraph.graphql is stale: run `npm run compose` and commit the result",
    ).toBe(true);
  });
});
