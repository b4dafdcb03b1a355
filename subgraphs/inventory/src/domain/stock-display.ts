/** Pure rule: how a tenant shows a stock quantity to dealers. No I/O. */

/** A tenant's policy (same shape as `features.stockDisplay` in @dpp/tenant). */
export type StockDisplayPolicy = { mode: "exact" } | { mode: "threshold"; threshold: number };

export const EXACT: StockDisplayPolicy = { mode: "exact" };

/**
 * The quantity as the tenant shows it: the exact number, or "> N" when the tenant hides
 * quantities above a threshold N. At or below the threshold the exact number is shown.
 */
export function displayStock(quantity: number, policy: StockDisplayPolicy): string {
  if (!Number.isSafeInteger(quantity)) throw new RangeError("quantity must be an integer");
  if (policy.mode === "threshold" && quantity > policy.threshold) return `> ${policy.threshold}`;
  return String(quantity);
}

/** Reads a stored row back into a policy; anything inconsistent falls back to exact. */
export function policyFromRow(row: { mode: string; threshold: number | null } | null | undefined): StockDisplayPolicy {
  if (row?.mode === "threshold" && row.threshold !== null && row.threshold > 0) {
    return { mode: "threshold", threshold: row.threshold };
  }
  return EXACT;
}
