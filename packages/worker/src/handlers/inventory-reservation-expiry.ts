import { z } from "zod";
import type { OutboxHandler } from "../outbox.ts";

/** Inventory's timer event: its job runs at the reservation's hold time (graphile-worker run_at). */
export const RESERVATION_EXPIRY_DUE = "reservation.expiry_due";
/** The event orders' workflow reacts to (a system transition whose `on` is this). */
export const RESERVATION_EXPIRED_EVENT = "reservation_expired";

const payload = z.object({ orderId: z.string().min(1), expiresAt: z.string() });

/**
 * "reservation.expiry_due" → inventory expires the reservation (the stock goes back exactly once,
 * under the reservation's lock) → orders moves the order as its workflow says. A repeat after a
 * failed call to orders finds ALREADY_EXPIRED and tells orders again; a reservation released or
 * renewed in the meantime is left alone. Orders answering that no transition matches (the order
 * moved on) is not a failure.
 */
export const reservationExpiryDue: OutboxHandler = async (event, { inventory, orderEvents, logger }) => {
  const { orderId } = payload.parse(event.payload);
  if (!inventory || !orderEvents) throw new Error("reservation.expiry_due: inventory and orders are not wired");
  const outcome = await inventory.expireReservation(event.tenantId, orderId);
  if (outcome !== "EXPIRED" && outcome !== "ALREADY_EXPIRED") {
    logger.info(`reservation.expiry_due: order ${orderId}: ${outcome}, nothing to do`, { orderId });
    return;
  }
  const { errorCode } = await orderEvents.applyOrderEvent(event.tenantId, orderId, RESERVATION_EXPIRED_EVENT);
  if (errorCode) {
    logger.info(`reservation.expiry_due: order ${orderId} did not move (${errorCode})`, { orderId });
  }
};
