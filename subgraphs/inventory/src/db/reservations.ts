import { newId, withTenant } from "@dpp/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { lowStockCrossings } from "../domain/low-stock.ts";
import { type Allocation, planReservation, type RequestedLine, type Shortage } from "../domain/reservation.ts";
import type { InventoryDb } from "../server.ts";
import { outbox, reservationLines, reservations, stockLevels, warehouses } from "./schema.ts";
import { STOCK_LOW } from "./stock.ts";

/** The outbox topic whose job runs at a reservation's expiry (scheduled with the job's run_at). */
export const RESERVATION_EXPIRY_DUE = "reservation.expiry_due";

export interface ReservationView {
  orderId: string;
  status: "active" | "released" | "expired";
  expiresAt: Date | null;
  lines: Allocation[];
}

export type ReserveOutcome =
  | { ok: true; reservation: ReservationView; created: boolean }
  | {
      ok: false;
      code: "INSUFFICIENT_STOCK" | "UNKNOWN_WAREHOUSE" | "INVALID_INPUT";
      message: string;
      shortages: Shortage[];
    };

/** Thrown inside the transaction so nothing of a failed reservation stays. */
class ReservationRefused extends Error {
  constructor(readonly outcome: Extract<ReserveOutcome, { ok: false }>) {
    super(outcome.message);
  }
}

type Tx = Parameters<Parameters<InventoryDb["transaction"]>[0]>[0];

async function readReservation(tx: Tx, tenantId: string, orderId: string): Promise<ReservationView | null> {
  const [head] = await tx
    .select()
    .from(reservations)
    .where(and(eq(reservations.tenantId, tenantId), eq(reservations.orderId, orderId)));
  if (!head) return null;
  const lines = await tx
    .select({
      productId: reservationLines.productId,
      warehouseId: reservationLines.warehouseId,
      quantity: reservationLines.quantity,
    })
    .from(reservationLines)
    .where(and(eq(reservationLines.tenantId, tenantId), eq(reservationLines.orderId, orderId)))
    .orderBy(asc(reservationLines.productId), asc(reservationLines.warehouseId));
  return { orderId, status: head.status, expiresAt: head.expiresAt, lines };
}

/** Locks the stock rows of these products, always in (product, warehouse) order: no deadlocks. */
function lockStock(tx: Tx, tenantId: string, productIds: string[]) {
  return tx
    .select({
      productId: stockLevels.productId,
      warehouseId: stockLevels.warehouseId,
      code: sql<string>`(select ${warehouses.code} from ${warehouses} where ${warehouses.tenantId} = ${stockLevels.tenantId} and ${warehouses.id} = ${stockLevels.warehouseId})`,
      available: sql<number>`${stockLevels.quantity} - ${stockLevels.reserved}`.mapWith(Number),
    })
    .from(stockLevels)
    .where(and(eq(stockLevels.tenantId, tenantId), inArray(stockLevels.productId, productIds)))
    .orderBy(asc(stockLevels.productId), asc(stockLevels.warehouseId))
    .for("no key update");
}

/** Adds (or takes back) the allocations to `reserved` in one statement; rows are already locked. */
async function addReserved(tx: Tx, tenantId: string, lines: Allocation[], sign: 1 | -1): Promise<void> {
  if (lines.length === 0) return;
  const rows = JSON.stringify(lines.map((l) => ({ p: l.productId, w: l.warehouseId, q: sign * l.quantity })));
  await tx.execute(sql`
    update ${stockLevels} set reserved = ${stockLevels.reserved} + u.q, updated_at = now()
    from jsonb_to_recordset(${rows}::jsonb) as u(p text, w text, q int)
    where ${stockLevels.tenantId} = ${tenantId} and ${stockLevels.productId} = u.p and ${stockLevels.warehouseId} = u.w`);
}

/**
 * The writes of a planned reservation in one statement: `reserved` up on the locked rows, the
 * reservation's lines, and a `stock.low` event per level that fell to the threshold.
 */
async function writeReservation(
  tx: Tx,
  tenantId: string,
  orderId: string,
  lines: Allocation[],
  low: { productId: string; warehouseId: string; available: number }[],
): Promise<void> {
  const rows = JSON.stringify(lines.map((l) => ({ p: l.productId, w: l.warehouseId, q: l.quantity })));
  const events = JSON.stringify(
    low.map((l) => ({
      id: newId("evt"),
      payload: { productId: l.productId, article: null, warehouseId: l.warehouseId, quantity: l.available },
    })),
  );
  await tx.execute(sql`
    with held as (
      update ${stockLevels} set reserved = ${stockLevels.reserved} + u.q, updated_at = now()
      from jsonb_to_recordset(${rows}::jsonb) as u(p text, w text, q int)
      where ${stockLevels.tenantId} = ${tenantId} and ${stockLevels.productId} = u.p and ${stockLevels.warehouseId} = u.w
      returning 1
    ), lines as (
      insert into ${reservationLines} (tenant_id, order_id, product_id, warehouse_id, quantity)
      select ${tenantId}, ${orderId}, u.p, u.w, u.q from jsonb_to_recordset(${rows}::jsonb) as u(p text, w text, q int)
      returning 1
    ), low as (
      insert into ${outbox} (tenant_id, id, topic, payload)
      select ${tenantId}, e.id, ${STOCK_LOW}, e.payload from jsonb_to_recordset(${events}::jsonb) as e(id text, payload jsonb)
      returning 1
    )
    select (select count(*) from held) as held, (select count(*) from lines) as lines, (select count(*) from low) as low`);
}

/**
 * Reserves every line or none, in one transaction. The reservation row is claimed first (a
 * concurrent call for the same order waits on it and then returns the existing reservation),
 * then the products' stock rows are locked in a stable order and the plan is applied. With an
 * expiry, an outbox row whose job runs at that instant is written in the same transaction.
 */
export async function reserveStock(
  db: InventoryDb,
  tenantId: string,
  input: { orderId: string; expiresAt: Date | null; lines: RequestedLine[] },
): Promise<ReserveOutcome> {
  try {
    return await withTenant(db, tenantId, async (tx) => {
      // The claim also reads the tenant's low-stock threshold: one round trip, before any stock lock.
      const claimed = await tx
        .insert(reservations)
        .values({ tenantId, orderId: input.orderId, status: "active", expiresAt: input.expiresAt })
        .onConflictDoUpdate({
          target: [reservations.tenantId, reservations.orderId],
          set: { status: "active", expiresAt: input.expiresAt, createdAt: sql`now()`, closedAt: null },
          setWhere: sql`${reservations.status} <> 'active'`,
        })
        .returning({
          fresh: sql<boolean>`(xmax = 0)`,
          threshold: sql<
            number | null
          >`(select low_stock_threshold from inventory.stock_display where tenant_id = ${tenantId})`,
        });
      const claim = claimed[0];
      if (!claim) {
        const existing = await readReservation(tx, tenantId, input.orderId);
        if (!existing) throw new Error("reservation vanished");
        return { ok: true as const, reservation: existing, created: false };
      }
      if (!claim.fresh) {
        // A released or expired reservation of the same order is made again: its old lines go.
        await tx
          .delete(reservationLines)
          .where(and(eq(reservationLines.tenantId, tenantId), eq(reservationLines.orderId, input.orderId)));
      }
      const named = [...new Set(input.lines.flatMap((l) => (l.warehouseId ? [l.warehouseId] : [])))];
      if (named.length > 0) {
        const known = await tx
          .select({ id: warehouses.id })
          .from(warehouses)
          .where(and(eq(warehouses.tenantId, tenantId), inArray(warehouses.id, named)));
        const unknown = named.filter((id) => !known.some((k) => k.id === id));
        if (unknown.length > 0) {
          throw new ReservationRefused({
            ok: false,
            code: "UNKNOWN_WAREHOUSE",
            message: `Нет такого склада: ${unknown.join(", ")}`,
            shortages: [],
          });
        }
      }
      if (input.expiresAt) {
        // Before the stock lock (it needs nothing from it); a refusal below rolls it back.
        await tx.insert(outbox).values({
          tenantId,
          id: newId("evt"),
          topic: RESERVATION_EXPIRY_DUE,
          payload: { orderId: input.orderId, expiresAt: input.expiresAt.toISOString() },
          runAt: input.expiresAt,
        });
      }
      // From here to the commit the hot rows are locked: one round trip for the lock, one for the writes.
      const productIds = [...new Set(input.lines.map((l) => l.productId))].sort();
      const stock = await lockStock(tx, tenantId, productIds);
      const plan = planReservation(input.lines, stock);
      if (!plan.ok) {
        throw new ReservationRefused(
          plan.code === "INSUFFICIENT_STOCK"
            ? {
                ok: false,
                code: plan.code,
                message: "Недостаточно товара на складе",
                shortages: plan.shortages,
              }
            : { ok: false, code: "INVALID_INPUT", message: plan.message, shortages: [] },
        );
      }
      const before = stock.map((s) => ({ ...s, available: Math.max(0, s.available) }));
      const taken = new Map(plan.allocations.map((a) => [`${a.productId}/${a.warehouseId}`, a.quantity]));
      const after = before.map((s) => ({
        ...s,
        available: s.available - (taken.get(`${s.productId}/${s.warehouseId}`) ?? 0),
      }));
      const low = lowStockCrossings(before, after, claim.threshold === null ? null : Number(claim.threshold));
      await writeReservation(tx, tenantId, input.orderId, plan.allocations, low);
      const reservation: ReservationView = {
        orderId: input.orderId,
        status: "active",
        expiresAt: input.expiresAt,
        lines: plan.allocations,
      };
      return { ok: true as const, reservation, created: true };
    });
  } catch (error) {
    if (error instanceof ReservationRefused) return error.outcome;
    throw error;
  }
}

/** Closes an active reservation (released, or expired when due) and gives its stock back. */
async function closeReservation(
  tx: Tx,
  tenantId: string,
  orderId: string,
  status: "released" | "expired",
): Promise<boolean> {
  const closed = await tx
    .update(reservations)
    .set({ status, closedAt: sql`now()` })
    .where(
      and(
        eq(reservations.tenantId, tenantId),
        eq(reservations.orderId, orderId),
        eq(reservations.status, "active"),
        status === "expired" ? sql`${reservations.expiresAt} <= now()` : undefined,
      ),
    )
    .returning({ orderId: reservations.orderId });
  if (closed.length === 0) return false;
  const held = await readReservation(tx, tenantId, orderId);
  const lines = held?.lines ?? [];
  await lockStock(tx, tenantId, [...new Set(lines.map((l) => l.productId))].sort());
  await addReserved(tx, tenantId, lines, -1);
  return true;
}

/** Gives an order's reserved stock back; false when nothing was held (idempotent). */
export function releaseStock(db: InventoryDb, tenantId: string, orderId: string): Promise<boolean> {
  return withTenant(db, tenantId, (tx) => closeReservation(tx, tenantId, orderId, "released"));
}

export type ExpiryOutcome = "EXPIRED" | "ALREADY_EXPIRED" | "NOT_DUE" | "NOT_ACTIVE";

/**
 * Expires a due reservation: the stock goes back exactly once (the status moves from active
 * under the row's lock); a repeat reports ALREADY_EXPIRED so the caller can still tell orders.
 */
export function expireReservation(db: InventoryDb, tenantId: string, orderId: string): Promise<ExpiryOutcome> {
  return withTenant(db, tenantId, async (tx) => {
    if (await closeReservation(tx, tenantId, orderId, "expired")) return "EXPIRED";
    const [row] = await tx
      .select({ status: reservations.status })
      .from(reservations)
      .where(and(eq(reservations.tenantId, tenantId), eq(reservations.orderId, orderId)));
    if (row?.status === "expired") return "ALREADY_EXPIRED";
    return row?.status === "active" ? "NOT_DUE" : "NOT_ACTIVE";
  });
}

/** The order's reservation, whatever its status; null when there never was one. */
export function findReservation(db: InventoryDb, tenantId: string, orderId: string) {
  return withTenant(db, tenantId, (tx) => readReservation(tx, tenantId, orderId));
}
