import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** What inventory's expiry run did (its `ReservationExpiry` enum). */
export type ReservationExpiry = "EXPIRED" | "ALREADY_EXPIRED" | "NOT_DUE" | "NOT_ACTIVE";

/** Inventory's service mutations the worker calls. */
export interface InventoryService {
  expireReservation(tenantId: string, orderId: string): Promise<ReservationExpiry>;
  /** The users to mail for a restock event; a repeat with the same event returns the same users. */
  claimRestockSubscribers(tenantId: string, productId: string, eventId: string): Promise<string[]>;
  /** A shipment's mail facts and the buyer's subscribed users; null when it has no buyer. */
  shipmentNotice(tenantId: string, shipmentId: string): Promise<ShipmentNotice | null>;
}

/** What inventory's `shipmentNotice` answers. */
export interface ShipmentNotice {
  number: string;
  date: string;
  amount: { amount: number; currency: string };
  companyId: string;
  consignee: string;
  address: string;
  deliveryMethod: string;
  subscriberIds: string[];
}

const shipmentNoticeResult = z.object({
  shipmentNotice: z
    .object({
      number: z.string(),
      date: z.string(),
      amount: z.object({ amount: z.number().int(), currency: z.string() }),
      companyId: z.string(),
      consignee: z.string(),
      address: z.string(),
      deliveryMethod: z.string(),
      subscriberIds: z.array(z.string()),
    })
    .nullable(),
});

/** Orders' service mutation that fires a workflow's system transition. */
export interface OrderEvents {
  /** Returns null when the order moved, or orders' error code when no transition matched. */
  applyOrderEvent(tenantId: string, orderId: string, event: string): Promise<{ errorCode: string | null }>;
}

const envelope = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

/** One service call as the worker (a service token scoped to the event's tenant); errors throw. */
async function call(
  name: string,
  baseUrl: string,
  secret: string,
  tenantId: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const requestId = `wrk-${randomUUID()}`;
  const token = await signServiceToken("worker", tenantId, secret, requestId);
  const res = await fetch(`${baseUrl.replace(/\/+$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = envelope.parse(await res.json());
  const first = body.errors?.[0];
  if (first) throw new Error(`${name}: ${first.message}`);
  if (!res.ok || !body.data) throw new Error(`${name}: HTTP ${res.status}`);
  return body.data;
}

const expiryResult = z.object({ expireReservation: z.enum(["EXPIRED", "ALREADY_EXPIRED", "NOT_DUE", "NOT_ACTIVE"]) });

export function createInventoryService(opts: { inventoryUrl: string; internalTokenSecret: string }): InventoryService {
  return {
    async expireReservation(tenantId, orderId) {
      const data = await call(
        "inventory",
        opts.inventoryUrl,
        opts.internalTokenSecret,
        tenantId,
        "mutation($orderId: ID!) { expireReservation(orderId: $orderId) }",
        { orderId },
      );
      return expiryResult.parse(data).expireReservation;
    },
    async claimRestockSubscribers(tenantId, productId, eventId) {
      const data = await call(
        "inventory",
        opts.inventoryUrl,
        opts.internalTokenSecret,
        tenantId,
        "mutation($p: ID!, $e: ID!) { claimRestockSubscribers(productId: $p, eventId: $e) }",
        { p: productId, e: eventId },
      );
      return z.object({ claimRestockSubscribers: z.array(z.string()) }).parse(data).claimRestockSubscribers;
    },
    async shipmentNotice(tenantId, shipmentId) {
      const data = await call(
        "inventory",
        opts.inventoryUrl,
        opts.internalTokenSecret,
        tenantId,
        `query($s: ID!) { shipmentNotice(shipmentId: $s) {
          number date amount { amount currency } companyId consignee address deliveryMethod subscriberIds } }`,
        { s: shipmentId },
      );
      return shipmentNoticeResult.parse(data).shipmentNotice;
    },
  };
}

const applyResult = z.object({
  applyOrderEvent: z.object({ __typename: z.string(), code: z.string().optional() }),
});

export function createOrderEvents(opts: { ordersUrl: string; internalTokenSecret: string }): OrderEvents {
  return {
    async applyOrderEvent(tenantId, orderId, event) {
      const data = await call(
        "orders",
        opts.ordersUrl,
        opts.internalTokenSecret,
        tenantId,
        `mutation($orderId: ID!, $event: String!) { applyOrderEvent(orderId: $orderId, event: $event) {
          __typename ... on OrderError { code } } }`,
        { orderId, event },
      );
      const r = applyResult.parse(data).applyOrderEvent;
      return { errorCode: r.__typename === "OrderError" ? (r.code ?? "UNKNOWN") : null };
    },
  };
}
