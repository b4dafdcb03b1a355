/** EAN-13 (GTIN-13): 12 digits and a check digit (weights 1,3,1,3,… from the left). Pure. */

/** The check digit for the first 12 digits. */
export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError("EAN-13 needs 12 digits before the check digit");
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export type Ean13Check = { ok: true; value: string } | { ok: false; message: string };

/** Validates an EAN-13 as typed by a person or a file: spaces are ignored, anything else is named. */
export function checkEan13(input: string): Ean13Check {
  const value = input.replace(/\s+/g, "");
  if (!/^\d+$/.test(value)) return { ok: false, message: `EAN-13 «${input}»: допустимы только цифры` };
  if (value.length !== 13) return { ok: false, message: `EAN-13 «${input}»: нужно 13 цифр, а в коде ${value.length}` };
  const expected = ean13CheckDigit(value.slice(0, 12));
  if (Number(value[12]) !== expected)
    return { ok: false, message: `EAN-13 «${input}»: неверная контрольная цифра (ожидалась ${expected})` };
  return { ok: true, value };
}

/** Completes 12 digits with their check digit (used to build demo and test data). */
export function ean13(first12: string): string {
  return `${first12}${ean13CheckDigit(first12)}`;
}
