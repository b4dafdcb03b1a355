import { z } from "zod";
import type { OutboxHandler } from "../outbox.ts";

/** Finance's event for every payment recorded (contracts §4). */
export const PAYMENT_RECORDED = "payment.recorded";
/** The event orders' workflow reacts to (keaz: to production once the invoice is fully paid). */
export const FULLY_PAID_EVENT = "fully_paid";

const payload = z.object({
  paymentId: z.string().min(1),
  orderId: z.string().min(1).nullable(),
  invoiceNumber: z.string().nullable(),
  invoiceFullyPaid: z.boolean(),
});

/**
 * "payment.recorded" that pays an order's invoice in full → orders fires the workflow's system
 * transition on `fully_paid`. A repeat (or a later payment on a paid invoice) finds no transition
 * from the order's new status, which orders answers with an error code: not a failure. A transport
 * or GraphQL failure throws, so the job is retried with graphile-worker's backoff.
 */
export const paymentRecordedOrders: OutboxHandler = async (event, { orderEvents, logger }) => {
  const p = payload.parse(event.payload);
  if (!p.invoiceFullyPaid || !p.orderId) return;
  if (!orderEvents) throw new Error("payment.recorded: orders is not wired");
  const { errorCode } = await orderEvents.applyOrderEvent(event.tenantId, p.orderId, FULLY_PAID_EVENT);
  logger.info(
    errorCode
      ? `payment.recorded: invoice ${p.invoiceNumber} paid; order ${p.orderId} did not move (${errorCode})`
      : `payment.recorded: invoice ${p.invoiceNumber} paid; order ${p.orderId} moved on fully_paid`,
    { orderId: p.orderId, paymentId: p.paymentId },
  );
};
