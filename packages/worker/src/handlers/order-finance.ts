import type { OutboxHandler } from "../outbox.ts";
import { orderSubmittedPayload } from "./order-submitted.ts";

/**
 * "order.submitted" → finance issues the order's invoice (due date from the dealer's contract) and
 * credits bonus points where the tenant credits them at the initial status. Orders emits no
 * status-change events yet; when it does, the same mutation with submitted=false credits points
 * at the configured status. Without a finance client (tests of mail only) nothing happens.
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
    },
    true,
  );
  logger.info(`order.submitted: invoice ${r.invoiceNumber ?? "—"}, bonus ${r.bonusPoints}`, { orderId: order.orderId });
};

/** Runs handlers in order: each must tolerate a repeat (delivery is at least once). */
export const allOf =
  (...handlers: OutboxHandler[]): OutboxHandler =>
  async (event, deps) => {
    for (const h of handlers) await h(event, deps);
  };
