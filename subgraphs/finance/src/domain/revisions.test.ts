import { describe, expect, it } from "vitest";
import { revisionOf } from "./revisions.ts";

const at = (iso: string) => new Date(iso);

describe("revisionOf", () => {
  it.each([
    ["never re-issued → revision 1", { revision: 0, revisedAt: null }, "2026-11-23T10:00:00Z", true, 1],
    [
      "a later edit → the next revision",
      { revision: 1, revisedAt: at("2026-11-23T10:00:00Z") },
      "2026-11-23T10:05:00Z",
      true,
      2,
    ],
    [
      "an earlier edit delivered late → not applied",
      { revision: 2, revisedAt: at("2026-11-23T10:05:00Z") },
      "2026-11-23T10:00:00Z",
      false,
      2,
    ],
    [
      "an edit at the same instant → not applied",
      { revision: 1, revisedAt: at("2026-11-23T10:00:00Z") },
      "2026-11-23T10:00:00Z",
      false,
      1,
    ],
  ])("%s", (_name, state, eventAt, applied, revision) => {
    expect(revisionOf(state, at(eventAt))).toEqual({ applied, revision });
  });
});
