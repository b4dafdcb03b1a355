import { describe, expect, it } from "vitest";
import { contrastRatio, relativeLuminance } from "./contrast.ts";

describe("relativeLuminance", () => {
  it.each([
    ["#000000", 0],
    ["#ffffff", 1],
    ["#FFFFFF", 1],
    ["#ff0000", 0.2126],
    ["#00ff00", 0.7152],
    ["#0000ff", 0.0722],
  ])("%s -> %d", (hex, lum) => {
    expect(relativeLuminance(hex)).toBeCloseTo(lum, 4);
  });

  it("rejects malformed colours", () => {
    expect(() => relativeLuminance("#fff")).toThrow(/#rrggbb/);
  });
});

describe("contrastRatio", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#000000", 21],
    ["#777777", "#ffffff", 4.48],
    ["#767676", "#ffffff", 4.54],
    ["#0000ff", "#ffffff", 8.59],
    ["#123456", "#123456", 1],
  ])("%s on %s -> %d", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });
});
