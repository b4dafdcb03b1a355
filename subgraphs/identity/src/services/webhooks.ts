import { newId, withTenant } from "@dpp/db";
import { requireUser } from "@dpp/server";
import { and, desc, eq } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { IdentityContext } from "../context.ts";
import { webhookDeliveries, webhookSubscriptions } from "../db/schema.ts";
import { generateWebhookSecret, webhookInputProblems } from "../domain/webhook.ts";
import { accountError, audit, invalid } from "./support.ts";

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** A dealer admin, or a user or API key holding api_keys.manage, of a company. */
function requireWebhookRight(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  const allowed = a.roles.includes("dealer_admin") || a.permissions.includes("api_keys.manage");
  if (!a.companyId || !allowed) {
    throw new GraphQLError("Нет права управлять вебхуками", { extensions: { code: "FORBIDDEN" } });
  }
  return { ...a, companyId: a.companyId };
}

const own = (tenantId: string, companyId: string, id: string) =>
  and(
    eq(webhookSubscriptions.tenantId, tenantId),
    eq(webhookSubscriptions.companyId, companyId),
    eq(webhookSubscriptions.id, id),
  );

export function listWebhookSubscriptions(ctx: IdentityContext) {
  const a = requireWebhookRight(ctx);
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.tenantId, a.tenantId), eq(webhookSubscriptions.companyId, a.companyId)))
      .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id)),
  );
}

export interface CreateWebhookInput {
  url: string;
  topics: string[];
  active?: boolean | null;
}

/** Saves a subscription; its signing secret is returned here only. */
export async function createWebhookSubscription(ctx: IdentityContext, input: CreateWebhookInput) {
  const a = requireWebhookRight(ctx);
  const problems = webhookInputProblems(input, ctx.rt.webhookAllowPrivateUrls);
  if (problems.length > 0) return invalid(problems);
  const secret = generateWebhookSecret();
  const [row] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .insert(webhookSubscriptions)
      .values({
        tenantId: a.tenantId,
        id: newId("whs"),
        companyId: a.companyId,
        createdBy: a.userId,
        url: input.url.trim(),
        topics: [...new Set(input.topics)],
        secret,
        active: input.active ?? true,
      })
      .returning(),
  );
  if (!row) throw new Error("webhook subscription not saved");
  await audit(ctx, a.tenantId, {
    action: "webhook.created",
    objects: [{ type: "WebhookSubscription", id: row.id, label: row.url }],
  });
  return { __typename: "CreatedWebhookSubscription" as const, secret, subscription: row };
}

export interface UpdateWebhookInput {
  id: string;
  url?: string | null;
  topics?: string[] | null;
  active?: boolean | null;
}

/** Changes the URL, topics or active flag of one of the company's subscriptions. */
export async function updateWebhookSubscription(ctx: IdentityContext, input: UpdateWebhookInput) {
  const a = requireWebhookRight(ctx);
  return withTenant(ctx.db, a.tenantId, async (tx) => {
    const [current] = await tx
      .select()
      .from(webhookSubscriptions)
      .where(own(a.tenantId, a.companyId, input.id));
    if (!current) return accountError("NOT_FOUND", "Нет такой подписки");
    const next = { url: input.url?.trim() ?? current.url, topics: input.topics ?? current.topics };
    const problems = webhookInputProblems(next, ctx.rt.webhookAllowPrivateUrls);
    if (problems.length > 0) return invalid(problems);
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({
        ...next,
        topics: [...new Set(next.topics)],
        active: input.active ?? current.active,
        updatedAt: new Date(),
      })
      .where(own(a.tenantId, a.companyId, input.id))
      .returning();
    await audit(
      ctx,
      a.tenantId,
      { action: "webhook.updated", objects: [{ type: "WebhookSubscription", id: input.id, label: next.url }] },
      tx,
    );
    return row;
  });
}

/** Deletes a subscription and its delivery log. */
export async function deleteWebhookSubscription(ctx: IdentityContext, id: string) {
  const a = requireWebhookRight(ctx);
  return withTenant(ctx.db, a.tenantId, async (tx) => {
    const [row] = await tx
      .delete(webhookSubscriptions)
      .where(own(a.tenantId, a.companyId, id))
      .returning();
    if (!row) return accountError("NOT_FOUND", "Нет такой подписки");
    await audit(
      ctx,
      a.tenantId,
      { action: "webhook.deleted", objects: [{ type: "WebhookSubscription", id, label: row.url }] },
      tx,
    );
    return row;
  });
}

/** The delivery log of the company's subscriptions (or one of them), newest first. */
export function listWebhookDeliveries(
  ctx: IdentityContext,
  filter: { subscriptionId?: string | null; first?: number | null },
) {
  const a = requireWebhookRight(ctx);
  const first = Math.min(Math.max(filter.first ?? 50, 1), 200);
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select({ delivery: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(
        webhookSubscriptions,
        and(
          eq(webhookSubscriptions.tenantId, webhookDeliveries.tenantId),
          eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId),
        ),
      )
      .where(
        and(
          eq(webhookDeliveries.tenantId, a.tenantId),
          eq(webhookSubscriptions.companyId, a.companyId),
          filter.subscriptionId ? eq(webhookDeliveries.subscriptionId, filter.subscriptionId) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(first)
      .then((rows) => rows.map((r) => r.delivery)),
  );
}

/**
 * Sends a delivery again: back to pending with a fresh attempt count; bumping `generation`
 * enqueues a new job (trigger) and makes any older job for it stand down.
 */
export async function redeliverWebhook(ctx: IdentityContext, deliveryId: string) {
  const a = requireWebhookRight(ctx);
  return withTenant(ctx.db, a.tenantId, async (tx) => {
    const [found] = await tx
      .select({ delivery: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(
        webhookSubscriptions,
        and(
          eq(webhookSubscriptions.tenantId, webhookDeliveries.tenantId),
          eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId),
        ),
      )
      .where(
        and(
          eq(webhookDeliveries.tenantId, a.tenantId),
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookSubscriptions.companyId, a.companyId),
        ),
      );
    if (!found) return accountError("NOT_FOUND", "Нет такой доставки");
    const d = found.delivery;
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempt: 0, generation: d.generation + 1, error: null })
      .where(and(eq(webhookDeliveries.tenantId, a.tenantId), eq(webhookDeliveries.id, deliveryId)))
      .returning();
    await audit(
      ctx,
      a.tenantId,
      { action: "webhook.redelivered", objects: [{ type: "WebhookDelivery", id: deliveryId, label: d.topic }] },
      tx,
    );
    return row;
  });
}
