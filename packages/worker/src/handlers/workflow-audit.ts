import { z } from "zod";
import type { OutboxHandler } from "../outbox.ts";

export const ORDER_WORKFLOW_SAVED = "order.workflow_saved";
export const ORDER_WORKFLOW_MIGRATED = "order.workflow_migrated";

const saved = z.object({ version: z.number().int(), actorUserId: z.string(), comment: z.string().nullable() });
const migrated = z.object({
  toVersion: z.number().int(),
  actorUserId: z.string(),
  orders: z.array(
    z.object({
      orderId: z.string(),
      number: z.string().nullable(),
      fromVersion: z.number().int(),
      from: z.string(),
      to: z.string(),
    }),
  ),
});

/** "order.workflow_saved" → identity's history: who saved which version of the order workflow. */
export const orderWorkflowSavedAudit: OutboxHandler = async (event, { audit }) => {
  const p = saved.parse(event.payload);
  if (!audit) return;
  await audit.record(event.tenantId, {
    sourceEventId: event.id,
    source: event.schema,
    action: ORDER_WORKFLOW_SAVED,
    occurredAt: event.createdAt,
    actorUserId: p.actorUserId,
    companyId: null,
    objects: [{ type: "OrderWorkflow", id: String(p.version), label: `Схема заказов, версия ${p.version}` }],
  });
};

/** "order.workflow_migrated" → identity's history: who moved which orders to which workflow version. */
export const orderWorkflowMigratedAudit: OutboxHandler = async (event, { audit }) => {
  const p = migrated.parse(event.payload);
  if (!audit) return;
  await audit.record(event.tenantId, {
    sourceEventId: event.id,
    source: event.schema,
    action: ORDER_WORKFLOW_MIGRATED,
    occurredAt: event.createdAt,
    actorUserId: p.actorUserId,
    companyId: null,
    objects: [
      { type: "OrderWorkflow", id: String(p.toVersion), label: `Схема заказов, версия ${p.toVersion}` },
      ...p.orders.map((o) => ({
        type: "Order",
        id: o.orderId,
        label: `Заказ № ${o.number ?? o.orderId}: ${o.from} (в. ${o.fromVersion}) → ${o.to}`,
      })),
    ],
  });
};
