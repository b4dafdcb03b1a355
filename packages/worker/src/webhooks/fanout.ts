import type { OutboxHandler } from "../outbox.ts";
import { type WebhookTopic, webhookAudience, webhookBody } from "./events.ts";
import { insertDeliveries } from "./store.ts";

/**
 * The outbox handler of every webhook topic: one delivery (and one `webhook_delivery` job) per
 * matching subscription. Idempotent — a retried event finds its deliveries and adds none.
 */
export const webhookFanout: OutboxHandler = async (event, { webhooks, logger }) => {
  if (!webhooks) return;
  const topic = event.topic as WebhookTopic;
  const created = await insertDeliveries(webhooks.db, {
    tenantId: event.tenantId,
    eventId: `${event.schema}/${event.id}`,
    topic,
    body: webhookBody(topic, event.payload, event.createdAt),
    audience: webhookAudience(topic, event.payload),
    maxAttempts: webhooks.maxAttempts,
  });
  if (created > 0) logger.info(`webhooks: ${topic} ${event.schema}/${event.id} → ${created} deliveries`);
};
