import numberToWords from "number-to-words-ru";

/**
 * An amount in Russian words as accountants write it: rubles in words, kopecks in digits —
 * 3841000 → "Тридцать восемь тысяч четыреста десять рублей 00 копеек". Genders and plural forms
 * (одна тысяча, два рубля, 11–14 → рублей) come from number-to-words-ru; the tests pin them.
 */
export function amountInWords(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`money must be integer kopecks, got ${kopecks}`);
  const negative = kopecks < 0;
  const abs = Math.abs(kopecks);
  const text = numberToWords.convert(`${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`, {
    currency: "rub",
    convertNumberToWords: { integer: true, fractional: false },
    showNumberParts: { integer: true, fractional: true },
    convertMinusSignToWord: false,
  });
  return negative ? `Минус ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}
