import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../identity-audit.ts";
import type { OutboxHandlerDeps } from "../outbox.ts";
import { outboxHandlers } from "./index.ts";

/** The workflow editor's events become entries of the tenant's history (who saved, who moved which orders). */
describe("workflow history", () => {
  const base = { schema: "orders", tenantId: "ten_keaz", id: "evt_1", createdAt: "2026-11-23T10:00:00.000Z" };
  const deps = () => {
    const history: [string, AuditEntry][] = [];
    const d = {
      audit: { record: async (t: string, e: AuditEntry) => void history.push([t, e]) },
    } as unknown as OutboxHandlerDeps;
    return { d, history };
  };

  it.each<[string, unknown, Pick<AuditEntry, "action" | "actorUserId" | "objects">]>([
    [
      "order.workflow_saved",
      { version: 3, actorUserId: "usr_admin", comment: "новый статус", at: base.createdAt },
      {
        action: "order.workflow_saved",
        actorUserId: "usr_admin",
        objects: [{ type: "OrderWorkflow", id: "3", label: "Схема заказов, версия 3" }],
      },
    ],
    [
      "order.workflow_migrated",
      {
        toVersion: 3,
        actorUserId: "usr_admin",
        at: base.createdAt,
        orders: [{ orderId: "ord_1", number: "000042", fromVersion: 2, from: "checking", to: "review" }],
      },
      {
        action: "order.workflow_migrated",
        actorUserId: "usr_admin",
        objects: [
          { type: "OrderWorkflow", id: "3", label: "Схема заказов, версия 3" },
          { type: "Order", id: "ord_1", label: "Заказ № 000042: checking (в. 2) → review" },
        ],
      },
    ],
  ])("records %s", async (topic, payload, expected) => {
    const { d, history } = deps();
    await outboxHandlers[topic]?.({ ...base, topic, payload }, d);
    expect(history).toEqual([
      [
        "ten_keaz",
        { sourceEventId: "evt_1", source: "orders", occurredAt: base.createdAt, companyId: null, ...expected },
      ],
    ]);
  });
});
