/** Integer arithmetic on kopecks. No floats touch money. */

/** Integer division of non-negative integers, rounding half up (computed exactly with BigInt). */
export function divRound(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0)
    throw new RangeError("numerator must be a non-negative integer");
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError("denominator must be positive");
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  const r = n - q * d;
  return Number(r * 2n >= d ? q + 1n : q);
}

/** a × b for integers, refusing results beyond Number.MAX_SAFE_INTEGER. */
export function mulExact(a: number, b: number): number {
  const p = a * b;
  if (!Number.isSafeInteger(p)) throw new RangeError("amount out of range");
  return p;
}

/**
 * The VAT of an amount at a rate in basis points: contained in it (`included`) or added on top.
 * 3841000 included at 20 % -> 640167; 337200 on top at 20 % -> 67440.
 */
export function vatOf(amount: number, rateBp: number, included: boolean): number {
  if (rateBp === 0 || amount === 0) return 0;
  const scaled = BigInt(amount) * BigInt(rateBp);
  const divisor = BigInt(included ? 10000 + rateBp : 10000);
  const q = scaled / divisor;
  const r = scaled - q * divisor;
  return Number(r * 2n >= divisor ? q + 1n : q);
}
