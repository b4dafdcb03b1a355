/**
 * Russian taxpayer number (ИНН) checksums: 10 digits for organisations, 12 for individuals and
 * sole proprietors. Each check digit is (Σ digit × weight) mod 11 mod 10.
 */
const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return (sum % 11) % 10;
}

/** True when `inn` is 10 or 12 digits with correct check digit(s). */
export function isValidInn(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/.test(inn)) return false;
  const d = [...inn].map(Number);
  if (d.length === 10) return checkDigit(d, W10) === d[9];
  return checkDigit(d, W11) === d[10] && checkDigit(d, W12) === d[11];
}

/**
 * Completes a 9-digit (organisation) or 10-digit (individual) prefix with its check digit(s),
 * so demo data can carry valid INNs without copying real ones.
 */
export function completeInn(prefix: string): string {
  if (/^\d{9}$/.test(prefix)) {
    const d = [...prefix].map(Number);
    return prefix + String(checkDigit(d, W10));
  }
  if (/^\d{10}$/.test(prefix)) {
    const d = [...prefix].map(Number);
    const c11 = checkDigit(d, W11);
    const c12 = checkDigit([...d, c11], W12);
    return `${prefix}${c11}${c12}`;
  }
  throw new Error(`completeInn: expected 9 or 10 digits, got "${prefix}"`);
}
