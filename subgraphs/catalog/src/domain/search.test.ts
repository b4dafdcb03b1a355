import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, planSearch } from "./search.ts";

describe("planSearch", () => {
  it.each([
    [null, 3, { kind: "all" }],
    ["   ", 3, { kind: "all" }],
    [
      "смеситель кухни",
      3,
      {
        kind: "search",
        text: "смеситель кухни",
        exactArticles: ["смеситель кухни", "смеситель", "кухни"],
        articlePrefix: "смеситель кухни",
        tsquery: "'смеситель':* & 'кухни':*",
        fuzzy: "смеситель кухни",
        tooShort: false,
        minChars: 3,
      },
    ],
    [
      " 326794   114112 ",
      6,
      {
        kind: "search",
        text: "326794 114112",
        exactArticles: ["326794 114112", "326794", "114112"],
        articlePrefix: "326794 114112",
        tsquery: "'326794':* & '114112':*",
        fuzzy: "326794 114112",
        tooShort: false,
        minChars: 6,
      },
    ],
    [
      "0983",
      6,
      {
        kind: "search",
        text: "0983",
        exactArticles: ["0983"],
        articlePrefix: null,
        tsquery: null,
        fuzzy: null,
        tooShort: true,
        minChars: 6,
      },
    ],
    [
      "W 712/95",
      3,
      {
        kind: "search",
        text: "W 712/95",
        exactArticles: ["W 712/95", "W", "712/95"],
        articlePrefix: "W 712/95",
        tsquery: "'w':* & '712':* & '95':*",
        fuzzy: "w 712 95",
        tooShort: false,
        minChars: 3,
      },
    ],
    [
      "'); drop",
      3,
      {
        kind: "search",
        text: "'); drop",
        exactArticles: ["'); drop", "');", "drop"],
        articlePrefix: "'); drop",
        tsquery: "'drop':*",
        fuzzy: "drop",
        tooShort: false,
        minChars: 3,
      },
    ],
  ])("%j with minimum %i", (input, min, plan) => {
    expect(planSearch(input, min)).toEqual(plan);
  });

  it("counts characters, not UTF-16 units, against the minimum", () => {
    expect(planSearch("кран", 4)).toMatchObject({ tooShort: false });
    expect(planSearch("кра", 4)).toMatchObject({ tooShort: true });
  });
});

describe("cursors", () => {
  it("round-trips a rank key and refuses garbage", () => {
    const k = { tier: 2, score: 60790, article: "0983" };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
    expect(decodeCursor(null)).toBeNull();
    const g = { tier: 0, score: 0, article: "1061", group: "Aller 1060" };
    expect(decodeCursor(encodeCursor(g))).toEqual(g);
    expect(() => decodeCursor("bm9wZQ")).toThrow(RangeError);
    expect(() => decodeCursor(Buffer.from('[1,"x","a"]').toString("base64url"))).toThrow(RangeError);
  });
});
