import { describe, expect, it } from "vitest";
import type { ReservationExpiry } from "../inventory-clients.ts";
import type { OutboxEvent, OutboxHandlerDeps } from "../outbox.ts";
import { reservationExpiryDue } from "./inventory-reservation-expiry.ts";

function harness(outcome: ReservationExpiry, orderError: string | null = null) {
  const calls: string[] = [];
  const infos: string[] = [];
  const deps: OutboxHandlerDeps = {
    mailer: { send: () => Promise.reject(new Error("no mail")), close: () => {} },
    directory: { userById: async () => null },
    logger: { warn: () => {}, info: (m) => infos.push(m) },
    inventory: {
      expireReservation: async (tenantId, orderId) => {
        calls.push(`expire ${tenantId} ${orderId}`);
        return outcome;
      },
      claimRestockSubscribers: async () => [],
      shipmentNotice: async () => null,
    },
    orderEvents: {
      applyOrderEvent: async (tenantId, orderId, event) => {
        calls.push(`apply ${tenantId} ${orderId} ${event}`);
        return { errorCode: orderError };
      },
    },
  };
  return { calls, infos, deps };
}

const event: OutboxEvent = {
  schema: "inventory",
  tenantId: "ten_a",
  id: "evt_1",
  topic: "reservation.expiry_due",
  createdAt: "2026-11-20T09:00:00.000Z",
  payload: { orderId: "ord_1", expiresAt: "2026-11-23T09:00:00.000Z" },
};

describe("reservation.expiry_due", () => {
  it.each([
    ["EXPIRED", ["expire ten_a ord_1", "apply ten_a ord_1 reservation_expired"]],
    ["ALREADY_EXPIRED", ["expire ten_a ord_1", "apply ten_a ord_1 reservation_expired"]],
    ["NOT_DUE", ["expire ten_a ord_1"]],
    ["NOT_ACTIVE", ["expire ten_a ord_1"]],
  ] as const)("%s → %j", async (outcome, expected) => {
    const { calls, deps } = harness(outcome);
    await reservationExpiryDue(event, deps);
    expect(calls).toEqual(expected);
  });

  it("an order that moved on (no matching transition) is logged, not retried", async () => {
    const { infos, deps } = harness("EXPIRED", "NO_TRANSITION");
    await reservationExpiryDue(event, deps);
    expect(infos).toEqual(["reservation.expiry_due: order ord_1 did not move (NO_TRANSITION)"]);
  });

  it("fails the job when inventory or orders is not wired, or the payload is not an expiry", async () => {
    const { deps } = harness("EXPIRED");
    await expect(reservationExpiryDue(event, { ...deps, orderEvents: undefined })).rejects.toThrow("not wired");
    await expect(reservationExpiryDue({ ...event, payload: { expiresAt: "x" } }, deps)).rejects.toThrow();
  });
});
