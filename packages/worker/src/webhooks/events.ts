/**
 * Which outbox events reach webhooks, what of each payload an integrator sees, and whose
 * subscriptions receive it. Pure: no SQL, no HTTP.
 */

/** The public fields of each topic's `data` (docs/integrators/webhooks.md); anything else stays internal. */
export const WEBHOOK_EVENT_FIELDS = {
  "order.status_changed": [
    "orderId",
    "number",
    "companyId",
    "userId",
    "from",
    "to",
    "toLabel",
    "by",
    "actorUserId",
    "at",
  ],
  "shipment.created": ["shipmentId", "number", "orderIds", "date"],
  "invoice.issued": ["invoiceId", "number", "orderId", "companyId", "amount", "dueDate"],
  "stock.low": ["productId", "article", "warehouseId", "quantity"],
} as const satisfies Record<string, readonly string[]>;

export type WebhookTopic = keyof typeof WEBHOOK_EVENT_FIELDS;
export const WEBHOOK_TOPICS = Object.keys(WEBHOOK_EVENT_FIELDS) as WebhookTopic[];

/**
 * Whose subscriptions see an event: one company's (the order's or invoice's dealer), the
 * companies of a shipment's orders (looked up), or every company in the tenant (supplier stock).
 * Subscriptions of other tenants never see it: deliveries are written under the event's tenant.
 */
export type WebhookAudience =
  | { kind: "tenant" }
  | { kind: "companies"; companyIds: string[] }
  | { kind: "orders"; orderIds: string[] };

const record = (payload: unknown): Record<string, unknown> =>
  payload !== null && typeof payload === "object" && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

export function webhookAudience(topic: WebhookTopic, payload: unknown): WebhookAudience {
  const p = record(payload);
  switch (topic) {
    case "stock.low":
      return { kind: "tenant" };
    case "shipment.created":
      return typeof p.companyId === "string"
        ? { kind: "companies", companyIds: [p.companyId] }
        : { kind: "orders", orderIds: strings(p.orderIds) };
    default:
      return { kind: "companies", companyIds: typeof p.companyId === "string" ? [p.companyId] : [] };
  }
}

/**
 * The body POSTed, in the Standard Webhooks shape: `{ type, timestamp, data }` with only the
 * topic's public fields (absent ones are null, so the shape is stable).
 */
export function webhookBody(topic: WebhookTopic, payload: unknown, occurredAt: string): string {
  const p = record(payload);
  const data = Object.fromEntries(WEBHOOK_EVENT_FIELDS[topic].map((f) => [f, p[f] ?? null]));
  return JSON.stringify({ type: topic, timestamp: occurredAt, data });
}

export type DeliveryStatus = "pending" | "retrying" | "succeeded" | "failed";

/** After an attempt: a 2xx succeeded; otherwise another try while attempts remain and retrying can help. */
export function statusAfterAttempt(input: {
  responseCode: number | null;
  attempt: number;
  maxAttempts: number;
  permanent: boolean;
}): DeliveryStatus {
  if (input.responseCode !== null && input.responseCode >= 200 && input.responseCode < 300) return "succeeded";
  if (input.permanent || input.attempt >= input.maxAttempts) return "failed";
  return "retrying";
}
