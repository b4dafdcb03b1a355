import { type InventoryContext, requireService, requireStaffOrService } from "../context.ts";
import {
  expireReservation,
  findReservation,
  type ReservationView,
  type ReserveOutcome,
  releaseStock,
  reserveStock,
} from "../db/reservations.ts";
import { parseHoldUntil, type RequestedLine } from "../domain/reservation.ts";

interface ReserveInput {
  orderId: string;
  holdUntil?: string | null;
  lines: RequestedLine[];
}

type ReservationResult = ReservationView | Extract<ReserveOutcome, { ok: false }>;

const invalid = (message: string): ReservationResult => ({ ok: false, code: "INVALID_INPUT", message, shortages: [] });

export const reservationQueries = {
  reservation: (_: unknown, args: { orderId: string }, ctx: InventoryContext) =>
    findReservation(ctx.db, requireStaffOrService(ctx.actor), args.orderId),
};

export const reservationMutations = {
  reserveOrderStock: async (
    _: unknown,
    { input }: { input: ReserveInput },
    ctx: InventoryContext,
  ): Promise<ReservationResult> => {
    const tenantId = requireService(ctx.actor);
    const expiresAt = parseHoldUntil(input.holdUntil, new Date());
    if (expiresAt === "invalid") return invalid(`holdUntil должен быть моментом в будущем: ${input.holdUntil}`);
    if (input.lines.length === 0) return invalid("Резерв без строк");
    const outcome = await reserveStock(ctx.db, tenantId, { orderId: input.orderId, expiresAt, lines: input.lines });
    return outcome.ok ? outcome.reservation : outcome;
  },
  releaseOrderStock: (_: unknown, args: { orderId: string }, ctx: InventoryContext) =>
    releaseStock(ctx.db, requireService(ctx.actor), args.orderId),
  expireReservation: (_: unknown, args: { orderId: string }, ctx: InventoryContext) =>
    expireReservation(ctx.db, requireService(ctx.actor), args.orderId),
};

export const reservationTypes = {
  ReservationResult: {
    __resolveType: (r: ReservationResult) => ("ok" in r ? "ReservationError" : "Reservation"),
  },
  Reservation: {
    status: (r: ReservationView) => r.status.toUpperCase(),
    expiresAt: (r: ReservationView) => r.expiresAt?.toISOString() ?? null,
  },
};
