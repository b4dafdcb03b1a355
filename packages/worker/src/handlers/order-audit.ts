import type { OutboxHandler } from "../outbox.ts";
import { orderSubmittedPayload } from "./order-submitted.ts";

/**
 * "order.submitted" → an entry in identity's history (decision 0008: one store): who submitted
 * which order of which company, at the event's time. Without an audit log (tests of mail only)
 * nothing happens.
 */
export const orderSubmittedAudit: OutboxHandler = async (event, { audit }) => {
  const order = orderSubmittedPayload.parse(event.payload);
  if (!audit) return;
  await audit.record(event.tenantId, {
    sourceEventId: event.id,
    source: event.schema,
    action: "order.submitted",
    occurredAt: event.createdAt,
    actorUserId: order.userId,
    companyId: order.companyId ?? null,
    objects: [{ type: "Order", id: order.orderId, label: `Заказ № ${order.number}` }],
  });
};
