import { describe, expect, it } from "vitest";
import { linesToText, onTextLine, parsePercent, parsePresentationLines } from "./presentation-form";

describe("parsePresentationLines", () => {
  it("reads article and quantity separated by spaces, a tab or ';', skipping blank lines", () => {
    expect(parsePresentationLines("HW-1 2\n\n  DS-2\t10 \n0983;3")).toEqual({
      lines: [
        { article: "HW-1", quantity: 2 },
        { article: "DS-2", quantity: 10 },
        { article: "0983", quantity: 3 },
      ],
      textLines: [1, 3, 4],
      errors: [],
    });
  });

  it.each([
    ["HW-1", "Строка 1: нужен артикул и количество через пробел"],
    ["HW-1 два", "Строка 1: количество — целое число больше нуля"],
    ["HW-1 0", "Строка 1: количество — целое число больше нуля"],
    ["HW-1 1,5", "Строка 1: количество — целое число больше нуля"],
    ["HW-1 2 3", "Строка 1: нужен артикул и количество через пробел"],
  ])("%s → %s", (text, message) => {
    expect(parsePresentationLines(text)).toEqual({ lines: [], textLines: [], errors: [message] });
  });

  it("round-trips the saved lines", () => {
    const lines = [{ article: "0983", quantity: 5 }];
    expect(parsePresentationLines(linesToText(lines)).lines).toEqual(lines);
  });
});

describe("parsePercent", () => {
  it.each([
    ["7,5", 7.5],
    ["12.25", 12.25],
    [" 10 ", 10],
    ["", null],
    ["-1", null],
    ["abc", null],
  ])("%s → %s", (text, value) => {
    expect(parsePercent(text)).toBe(value);
  });
});

describe("onTextLine", () => {
  it("renumbers the server's saved-line number to the text's line", () => {
    expect(onTextLine("Строка 2: нет товара с артикулом X", [1, 4])).toBe("Строка 4: нет товара с артикулом X");
    expect(onTextLine("Укажите название", [1])).toBe("Укажите название");
  });
});
