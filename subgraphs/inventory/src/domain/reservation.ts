/** Pure rules of a reservation: which warehouse rows hold how much, or what is short. No I/O. */

/** One requested line: a product, a quantity, and optionally the warehouse it must come from. */
export interface RequestedLine {
  productId: string;
  quantity: number;
  warehouseId?: string | null;
}

/** A stock row as locked for the reservation; `code` orders warehouses when none is named. */
export interface AvailableStock {
  productId: string;
  warehouseId: string;
  code: string;
  available: number;
}

export interface Allocation {
  productId: string;
  warehouseId: string;
  quantity: number;
}

export interface Shortage {
  productId: string;
  warehouseId: string | null;
  requested: number;
  available: number;
}

export type ReservationPlan =
  | { ok: true; allocations: Allocation[] }
  | { ok: false; code: "INVALID_QUANTITY"; message: string }
  | { ok: false; code: "INSUFFICIENT_STOCK"; shortages: Shortage[] };

const key = (productId: string, warehouseId: string | null) => `${productId}\u0000${warehouseId ?? ""}`;

/**
 * All lines or nothing. Lines naming the same product (and warehouse) are added up. A line that
 * names a warehouse takes only from it; a line that names none takes from the product's
 * warehouses in code order, after the named lines took theirs. Any shortage fails the whole plan
 * and every short line is reported, so the dealer sees everything at once.
 * Allocations come out sorted by (productId, warehouseId), the order rows are locked in.
 */
export function planReservation(lines: readonly RequestedLine[], stock: readonly AvailableStock[]): ReservationPlan {
  if (lines.length === 0) return { ok: false, code: "INVALID_QUANTITY", message: "Резерв без строк" };
  const wanted = new Map<string, { productId: string; warehouseId: string | null; quantity: number }>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) {
      return {
        ok: false,
        code: "INVALID_QUANTITY",
        message: `Количество товара ${l.productId} должно быть целым положительным`,
      };
    }
    const k = key(l.productId, l.warehouseId ?? null);
    const w = wanted.get(k) ?? { productId: l.productId, warehouseId: l.warehouseId ?? null, quantity: 0 };
    w.quantity += l.quantity;
    wanted.set(k, w);
  }
  const left = new Map(stock.map((s) => [key(s.productId, s.warehouseId), Math.max(0, s.available)]));
  const taken = new Map<string, Allocation>();
  const take = (productId: string, warehouseId: string, quantity: number) => {
    const k = key(productId, warehouseId);
    left.set(k, (left.get(k) ?? 0) - quantity);
    const a = taken.get(k) ?? { productId, warehouseId, quantity: 0 };
    a.quantity += quantity;
    taken.set(k, a);
  };
  const shortages: Shortage[] = [];
  const named = [...wanted.values()].filter((w) => w.warehouseId !== null);
  const unnamed = [...wanted.values()].filter((w) => w.warehouseId === null);
  for (const w of named) {
    const warehouseId = w.warehouseId as string;
    const available = left.get(key(w.productId, warehouseId)) ?? 0;
    if (available < w.quantity)
      shortages.push({ productId: w.productId, warehouseId, requested: w.quantity, available });
    else take(w.productId, warehouseId, w.quantity);
  }
  const byCode = [...stock].sort((a, b) => a.code.localeCompare(b.code) || a.warehouseId.localeCompare(b.warehouseId));
  for (const w of unnamed) {
    const rows = byCode.filter((s) => s.productId === w.productId);
    const available = rows.reduce((sum, s) => sum + Math.max(0, left.get(key(s.productId, s.warehouseId)) ?? 0), 0);
    if (available < w.quantity) {
      shortages.push({ productId: w.productId, warehouseId: null, requested: w.quantity, available });
      continue;
    }
    let need = w.quantity;
    for (const s of rows) {
      const q = Math.min(need, left.get(key(s.productId, s.warehouseId)) ?? 0);
      if (q > 0) take(s.productId, s.warehouseId, q);
      need -= q;
      if (need === 0) break;
    }
  }
  if (shortages.length > 0) return { ok: false, code: "INSUFFICIENT_STOCK", shortages };
  const allocations = [...taken.values()].sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.warehouseId.localeCompare(b.warehouseId),
  );
  return { ok: true, allocations };
}

/** Checks a hold-until instant: null keeps the stock until released; a past instant is refused. */
export function parseHoldUntil(value: string | null | undefined, now: Date): Date | null | "invalid" {
  if (value === null || value === undefined) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) return "invalid";
  return at;
}
