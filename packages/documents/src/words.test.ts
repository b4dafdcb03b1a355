import { describe, expect, it } from "vitest";
import { formatDate, formatDateLong, formatMoney } from "./format.ts";
import { amountInWords } from "./words.ts";

describe("amountInWords", () => {
  it.each([
    [3841000, "Тридцать восемь тысяч четыреста десять рублей 00 копеек"],
    [404640, "Четыре тысячи сорок шесть рублей 40 копеек"],
    [101, "Один рубль 01 копейка"],
    [2121, "Двадцать один рубль 21 копейка"],
    [200202, "Две тысячи два рубля 02 копейки"],
    [100000, "Одна тысяча рублей 00 копеек"],
    [1111, "Одиннадцать рублей 11 копеек"],
    [1400, "Четырнадцать рублей 00 копеек"],
    [500, "Пять рублей 00 копеек"],
    [100000005, "Один миллион рублей 05 копеек"],
    [300000000, "Три миллиона рублей 00 копеек"],
    [0, "Ноль рублей 00 копеек"],
    [-2500, "Минус двадцать пять рублей 00 копеек"],
  ])("%i kopecks → %s", (kopecks, words) => {
    expect(amountInWords(kopecks)).toBe(words);
  });

  it("refuses fractional kopecks", () => {
    expect(() => amountInWords(10.5)).toThrow(RangeError);
  });
});

describe("formats", () => {
  it.each([
    [3841000, "38 410,00"],
    [67440, "674,40"],
    [5, "0,05"],
    [-123456, "-1 234,56"],
  ])("money %i → %s", (k, s) => {
    expect(formatMoney(k)).toBe(s);
  });
  it("dates", () => {
    expect(formatDate("2026-03-05")).toBe("05.03.2026");
    expect(formatDateLong("2026-03-05")).toBe("5 марта 2026 г.");
  });
});
