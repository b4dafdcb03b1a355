/**
 * Readiness reports (keaz «Готовность заказов к отгрузке», «Готовность продукции к отгрузке»)
 * and the ERP's line readiness rows. Pure: orders' lines, the ERP's rows and the shipped
 * quantities come in; report rows or per-row errors go out. No I/O.
 */
import type { OrderFacts } from "../clients/orders.ts";

export const LINE_STATUSES = ["processing", "production", "in_transit", "in_stock"] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/** The dealers' labels (seed 001, «Статусы позиций в заказе»). */
export const LINE_STATUS_LABELS: Record<LineStatus, string> = {
  processing: "В обработке",
  production: "В производстве",
  in_transit: "В пути",
  in_stock: "На складе",
};

/** One row the ERP posts: where one order line stands. */
export interface ReadinessRowInput {
  orderId: string;
  productId: string;
  status: LineStatus;
  readyQuantity?: number | null;
  guaranteedDate?: string | null;
  readyDate?: string | null;
  warehouseCode?: string | null;
}

export type ReadinessErrorCode =
  | "UNKNOWN_ORDER"
  | "NOT_SUBMITTED"
  | "UNKNOWN_LINE"
  | "UNKNOWN_WAREHOUSE"
  | "INVALID_DATE"
  | "INVALID_QUANTITY"
  | "DUPLICATE_ROW";

export interface ReadinessRowError {
  row: number;
  code: ReadinessErrorCode;
  message: string;
}

/** A checked row, ready to store. */
export interface LineReadiness {
  orderId: string;
  productId: string;
  companyId: string;
  status: LineStatus;
  readyQuantity: number | null;
  guaranteedDate: string | null;
  readyDate: string | null;
  warehouseId: string | null;
}

export const isIsoDate = (v: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/** Checks every row against the orders and warehouses; all rows or none. */
export function planReadiness(
  rows: readonly ReadinessRowInput[],
  orders: ReadonlyMap<string, OrderFacts>,
  warehouseIdByCode: ReadonlyMap<string, string>,
): { ok: true; rows: LineReadiness[] } | { ok: false; errors: ReadinessRowError[] } {
  const errors: ReadinessRowError[] = [];
  const planned: LineReadiness[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of rows.entries()) {
    const row = i + 1;
    const fail = (code: ReadinessErrorCode, message: string) => {
      errors.push({ row, code, message });
    };
    const key = `${r.orderId}\u0000${r.productId}`;
    const first = seen.get(key);
    const order = orders.get(r.orderId);
    if (first !== undefined) fail("DUPLICATE_ROW", `Заказ и товар уже были в строке ${first}`);
    else if (!order) fail("UNKNOWN_ORDER", `Заказ ${r.orderId} не найден`);
    else if (order.isDraft) fail("NOT_SUBMITTED", `Заказ ${r.orderId} еще не отправлен`);
    else if (!order.lines.some((l) => l.productId === r.productId))
      fail("UNKNOWN_LINE", `В заказе № ${order.number} нет товара ${r.productId}`);
    if (first === undefined) seen.set(key, row);
    if (!order || errors.some((e) => e.row === row)) continue;
    const readyQuantity = r.readyQuantity ?? null;
    if (readyQuantity !== null && (!Number.isSafeInteger(readyQuantity) || readyQuantity < 0))
      fail("INVALID_QUANTITY", `Готовое количество должно быть целым, не меньше 0: ${readyQuantity}`);
    for (const [label, value] of [
      ["Гарантированная дата", r.guaranteedDate],
      ["Дата готовности", r.readyDate],
    ] as const) {
      if (value && !isIsoDate(value)) fail("INVALID_DATE", `${label} должна быть в виде ГГГГ-ММ-ДД: ${value}`);
    }
    let warehouseId: string | null = null;
    if (r.warehouseCode) {
      warehouseId = warehouseIdByCode.get(r.warehouseCode) ?? null;
      if (!warehouseId) fail("UNKNOWN_WAREHOUSE", `Склада с кодом ${r.warehouseCode} нет`);
    }
    planned.push({
      orderId: r.orderId,
      productId: r.productId,
      companyId: order.companyId,
      status: r.status,
      readyQuantity,
      guaranteedDate: r.guaranteedDate || null,
      readyDate: r.readyDate || null,
      warehouseId,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: planned };
}

/** What the report filters by; all optional. */
export interface ReadinessFilter {
  /** Part of the portal order number. */
  search?: string | null;
  /** Submitted on or after this day (YYYY-MM-DD, Moscow). */
  from?: string | null;
  /** Submitted on or before this day. */
  to?: string | null;
  /** Product readiness: only lines in these statuses. */
  statuses?: readonly LineStatus[] | null;
  /** Only what is still left to ship. */
  openOnly?: boolean | null;
}

/** Why a filter is refused; null when it is fine. */
export function checkFilter(f: ReadinessFilter): string | null {
  for (const d of [f.from, f.to]) if (d && !isIsoDate(d)) return `Дата должна быть в виде ГГГГ-ММ-ДД: ${d}`;
  if (f.from && f.to && f.from > f.to) return "Начало периода позже его конца";
  return null;
}

const moscowDay = (iso: string) => new Date(new Date(iso).getTime() + 3 * 3600_000).toISOString().slice(0, 10);

function orderMatches(o: OrderFacts, f: ReadinessFilter): boolean {
  if (o.isDraft) return false;
  if (f.search?.trim() && !o.number.includes(f.search.trim())) return false;
  const day = o.submittedAt ? moscowDay(o.submittedAt) : null;
  if (f.from && (!day || day < f.from)) return false;
  if (f.to && (!day || day > f.to)) return false;
  return true;
}

export interface LineQuantities {
  ordered: number;
  /** On waybills («в отгрузке»). */
  inShipment: number;
  leftToShip: number;
  /** Ready at the warehouse and not yet on a waybill. */
  ready: number;
}

/** One line's quantities: shipped counts first, readiness covers the rest. */
export function lineQuantities(ordered: number, shipped: number, record: LineReadiness | undefined): LineQuantities {
  const inShipment = Math.min(shipped, ordered);
  const leftToShip = Math.max(0, ordered - shipped);
  const readyTotal = record ? (record.readyQuantity ?? (record.status === "in_stock" ? ordered : 0)) : 0;
  const ready = Math.max(0, Math.min(readyTotal, ordered) - shipped);
  return { ordered, inShipment, leftToShip, ready: Math.min(ready, leftToShip) };
}

const key = (orderId: string, productId: string) => `${orderId}\u0000${productId}`;

export interface OrderReadinessLine extends LineQuantities {
  productId: string;
  article: string;
  name: string;
}

export interface OrderReadiness extends LineQuantities {
  orderId: string;
  number: string;
  submittedAt: string | null;
  lines: OrderReadinessLine[];
}

/** «Готовность заказов к отгрузке»: per order and line, newest order first. */
export function orderReadiness(
  orders: readonly OrderFacts[],
  records: readonly LineReadiness[],
  shipped: ReadonlyMap<string, number>,
  filter: ReadinessFilter,
): OrderReadiness[] {
  const byLine = new Map(records.map((r) => [key(r.orderId, r.productId), r]));
  const out: OrderReadiness[] = [];
  for (const o of sortNewest(orders)) {
    if (!orderMatches(o, filter)) continue;
    const lines = o.lines.map((l) => ({
      productId: l.productId,
      article: l.article,
      name: l.name,
      ...lineQuantities(l.quantity, shipped.get(key(o.id, l.productId)) ?? 0, byLine.get(key(o.id, l.productId))),
    }));
    const sum = (f: keyof LineQuantities) => lines.reduce((s, l) => s + l[f], 0);
    const total = {
      ordered: sum("ordered"),
      inShipment: sum("inShipment"),
      leftToShip: sum("leftToShip"),
      ready: sum("ready"),
    };
    if (filter.openOnly && total.leftToShip === 0) continue;
    out.push({ orderId: o.id, number: o.number, submittedAt: o.submittedAt, lines, ...total });
  }
  return out;
}

export interface ProductReadinessLine {
  orderId: string;
  number: string;
  productId: string;
  article: string;
  name: string;
  quantity: number;
  amount: number;
  currency: string;
  status: LineStatus;
  guaranteedDate: string | null;
  readyDate: string | null;
  warehouseId: string | null;
  leftToShip: number;
}

/** «Готовность продукции к отгрузке»: every line with its status (В обработке until the ERP says more). */
export function productReadiness(
  orders: readonly OrderFacts[],
  records: readonly LineReadiness[],
  shipped: ReadonlyMap<string, number>,
  filter: ReadinessFilter,
): ProductReadinessLine[] {
  const byLine = new Map(records.map((r) => [key(r.orderId, r.productId), r]));
  const out: ProductReadinessLine[] = [];
  for (const o of sortNewest(orders)) {
    if (!orderMatches(o, filter)) continue;
    for (const l of o.lines) {
      const r = byLine.get(key(o.id, l.productId));
      const status = r?.status ?? "processing";
      if (filter.statuses?.length && !filter.statuses.includes(status)) continue;
      const leftToShip = Math.max(0, l.quantity - (shipped.get(key(o.id, l.productId)) ?? 0));
      if (filter.openOnly && leftToShip === 0) continue;
      out.push({
        orderId: o.id,
        number: o.number,
        productId: l.productId,
        article: l.article,
        name: l.name,
        quantity: l.quantity,
        amount: l.amount,
        currency: l.currency,
        status,
        guaranteedDate: r?.guaranteedDate ?? null,
        readyDate: r?.readyDate ?? null,
        warehouseId: r?.warehouseId ?? null,
        leftToShip,
      });
    }
  }
  return out;
}

function sortNewest(orders: readonly OrderFacts[]): OrderFacts[] {
  return [...orders].sort(
    (a, b) => (b.submittedAt ?? "").localeCompare(a.submittedAt ?? "") || b.number.localeCompare(a.number),
  );
}
