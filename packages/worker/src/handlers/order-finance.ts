import { z } from "zod";
import type { OutboxHandler } from "../outbox.ts";
import { orderSubmittedPayload } from "./order-submitted.ts";

/**
 * "order.submitted" → finance issues the order's invoice (due date from the dealer's contract) and
 * credits bonus points where the tenant credits them at the initial status. Without a finance
 * client (tests of mail only) nothing happens.
 */
export const orderSubmittedFinance: OutboxHandler = async (event, { finance, logger }) => {
  const order = orderSubmittedPayload.parse(event.payload);
  if (!finance) return;
  if (!order.companyId) {
    logger.warn(`order.submitted: order ${order.orderId} has no company; no invoice issued`, {
      orderId: order.orderId,
    });
    return;
  }
  const r = await finance.recordOrderEvent(
    event.tenantId,
    {
      orderId: order.orderId,
      number: order.number,
      companyId: order.companyId,
      statusCode: order.statusCode,
      amount: order.total.amount,
      date: event.createdAt.slice(0, 10),
      counterpartyId: order.counterpartyId ?? null,
      contractId: order.contractId ?? null,
    },
    true,
  );
  logger.info(`order.submitted: invoice ${r.invoiceNumber ?? "—"}, bonus ${r.bonusPoints}`, { orderId: order.orderId });
};

const statusChangedPayload = z.object({
  orderId: z.string().min(1),
  number: z.string(),
  companyId: z.string().min(1),
  to: z.string().min(1),
  at: z.string().min(10),
});

/**
 * "order.status_changed" → finance credits bonus points if the order reached the tenant's
 * configured status (once per order: a repeat or a later return to the status credits nothing);
 * the amount is the order's invoice total, which finance holds.
 */
export const orderStatusChangedFinance: OutboxHandler = async (event, { finance, logger }) => {
  const p = statusChangedPayload.parse(event.payload);
  if (!finance) return;
  const r = await finance.recordOrderEvent(
    event.tenantId,
    {
      orderId: p.orderId,
      number: p.number,
      companyId: p.companyId,
      statusCode: p.to,
      amount: null,
      date: p.at.slice(0, 10),
    },
    false,
  );
  if (r.bonusPoints > 0)
    logger.info(`order.status_changed: order ${p.number} at ${p.to}, bonus ${r.bonusPoints}`, { orderId: p.orderId });
};

/** Runs handlers in order: each must tolerate a repeat (delivery is at least once). */
export const allOf =
  (...handlers: OutboxHandler[]): OutboxHandler =>
  async (event, deps) => {
    for (const h of handlers) await h(event, deps);
  };
