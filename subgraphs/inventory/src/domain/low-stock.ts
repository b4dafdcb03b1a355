/** Available quantity of one product in one warehouse. */
export interface Level {
  productId: string;
  warehouseId: string;
  available: number;
}

const keyOf = (l: Pick<Level, "productId" | "warehouseId">) => `${l.productId}\u0000${l.warehouseId}`;

/**
 * The levels that fell to the tenant's low-stock threshold or below with this change: they were
 * above it before (or unknown: a new row counts as 0) and are at or below it after. A level that
 * was already low stays quiet, so each fall is reported once; no threshold, nothing.
 */
export function lowStockCrossings(
  before: readonly Level[],
  after: readonly Level[],
  threshold: number | null,
): Level[] {
  if (threshold === null) return [];
  const was = new Map(before.map((l) => [keyOf(l), l.available]));
  return after.filter((l) => {
    const previous = was.get(keyOf(l));
    return previous !== undefined && previous > threshold && l.available <= threshold;
  });
}
