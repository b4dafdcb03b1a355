import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildPortalManifest, MANIFEST_PATH } from "./persist-operations.ts";

describe("the portal's persisted operations (trusted documents)", () => {
  it("schema/operations/portal.json lists every operation in app/graphql (run `npm run -w @dpp/portal persist-operations`)", async () => {
    expect(readFileSync(MANIFEST_PATH, "utf8")).toBe(await buildPortalManifest());
  });
});
