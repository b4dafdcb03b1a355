import { describe, expect, it } from "vitest";
import { statusAfterAttempt, webhookAudience, webhookBody } from "./events.ts";

describe("webhookAudience", () => {
  it.each([
    ["order.status_changed", { orderId: "ord_1", companyId: "cmp_1" }, { kind: "companies", companyIds: ["cmp_1"] }],
    ["order.status_changed", { orderId: "ord_1" }, { kind: "companies", companyIds: [] }],
    ["invoice.issued", { invoiceId: "inv_1", companyId: "cmp_2" }, { kind: "companies", companyIds: ["cmp_2"] }],
    [
      "shipment.created",
      { shipmentId: "shp_1", orderIds: ["ord_1", 7, "ord_2"] },
      { kind: "orders", orderIds: ["ord_1", "ord_2"] },
    ],
    [
      "shipment.created",
      { shipmentId: "shp_1", companyId: "cmp_3", orderIds: [] },
      { kind: "companies", companyIds: ["cmp_3"] },
    ],
    ["stock.low", { productId: "prd_1", quantity: 2 }, { kind: "tenant" }],
    ["stock.low", null, { kind: "tenant" }],
  ] as const)("%s %j → %j", (topic, payload, expected) => {
    expect(webhookAudience(topic, payload)).toEqual(expected);
  });
});

describe("webhookBody", () => {
  it("keeps only the topic's public fields, absent ones as null, in the Standard Webhooks shape", () => {
    const body = webhookBody(
      "order.status_changed",
      {
        orderId: "ord_1",
        number: "К-1",
        companyId: "cmp_1",
        from: "new",
        to: "shipped",
        managerUserId: "usr_m",
        notify: ["x"],
      },
      "2026-11-23T10:00:00.000Z",
    );
    expect(JSON.parse(body)).toEqual({
      type: "order.status_changed",
      timestamp: "2026-11-23T10:00:00.000Z",
      data: {
        orderId: "ord_1",
        number: "К-1",
        companyId: "cmp_1",
        userId: null,
        from: "new",
        to: "shipped",
        toLabel: null,
        by: null,
        actorUserId: null,
        at: null,
      },
    });
  });
});

describe("statusAfterAttempt", () => {
  it.each([
    [200, 1, 8, false, "succeeded"],
    [204, 8, 8, false, "succeeded"],
    [500, 1, 8, false, "retrying"],
    [404, 7, 8, false, "retrying"],
    [500, 8, 8, false, "failed"],
    [null, 2, 8, false, "retrying"],
    [null, 1, 8, true, "failed"],
  ] as const)(
    "HTTP %s, attempt %s of %s, permanent %s → %s",
    (responseCode, attempt, maxAttempts, permanent, expected) => {
      expect(statusAfterAttempt({ responseCode, attempt, maxAttempts, permanent })).toBe(expected);
    },
  );
});

describe("the worker's handlers", () => {
  it("react to every webhook topic", async () => {
    const { outboxHandlers } = await import("../handlers/index.ts");
    const { WEBHOOK_TOPICS } = await import("./events.ts");
    expect(WEBHOOK_TOPICS.filter((t) => !Object.hasOwn(outboxHandlers, t))).toEqual([]);
  });
});
