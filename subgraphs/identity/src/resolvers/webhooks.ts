import type { IdentityContext } from "../context.ts";
import { WEBHOOK_TOPICS } from "../domain/webhook.ts";
import * as webhooks from "../services/webhooks.ts";

type Ctx = IdentityContext;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const orDefault = (fallback: string) => (r: { __typename?: string }) => r.__typename ?? fallback;

export const webhookResolvers = {
  Query: {
    webhookTopics: () => WEBHOOK_TOPICS,
    webhookSubscriptions: (_: unknown, __: unknown, ctx: Ctx) => webhooks.listWebhookSubscriptions(ctx),
    webhookDeliveries: (_: unknown, a: { subscriptionId?: string | null; first?: number | null }, ctx: Ctx) =>
      webhooks.listWebhookDeliveries(ctx, a),
  },
  Mutation: {
    createWebhookSubscription: (_: unknown, a: { input: webhooks.CreateWebhookInput }, ctx: Ctx) =>
      webhooks.createWebhookSubscription(ctx, a.input),
    updateWebhookSubscription: (_: unknown, a: { input: webhooks.UpdateWebhookInput }, ctx: Ctx) =>
      webhooks.updateWebhookSubscription(ctx, a.input),
    deleteWebhookSubscription: (_: unknown, a: { id: string }, ctx: Ctx) =>
      webhooks.deleteWebhookSubscription(ctx, a.id),
    redeliverWebhook: (_: unknown, a: { deliveryId: string }, ctx: Ctx) => webhooks.redeliverWebhook(ctx, a.deliveryId),
  },
  CreateWebhookSubscriptionResult: { __resolveType: (r: { __typename: string }) => r.__typename },
  WebhookSubscriptionResult: { __resolveType: orDefault("WebhookSubscription") },
  RedeliverWebhookResult: { __resolveType: orDefault("WebhookDelivery") },
  WebhookSubscription: {
    createdAt: (s: webhooks.WebhookSubscriptionRow) => s.createdAt.toISOString(),
    updatedAt: (s: webhooks.WebhookSubscriptionRow) => s.updatedAt.toISOString(),
  },
  WebhookDelivery: {
    createdAt: (d: webhooks.WebhookDeliveryRow) => d.createdAt.toISOString(),
    lastAttemptAt: (d: webhooks.WebhookDeliveryRow) => iso(d.lastAttemptAt),
    deliveredAt: (d: webhooks.WebhookDeliveryRow) => iso(d.deliveredAt),
  },
};
