import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signWebhook, webhookHeaders } from "./signature.ts";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("webhook signatures", () => {
  it("matches the Standard Webhooks reference implementation", () => {
    const body = '{"type":"stock.low","timestamp":"2026-11-23T10:00:00.000Z","data":{"productId":"prd_1"}}';
    const at = new Date("2026-11-23T10:00:05Z");
    const reference = new Webhook(SECRET).sign("whd_1", at, body);
    expect(signWebhook(SECRET, "whd_1", Math.floor(at.getTime() / 1000), body)).toBe(reference);
  });

  it("headers verify with the standardwebhooks library, and a changed body does not", () => {
    const body = '{"type":"invoice.issued","data":{"amount":{"amount":100,"currency":"RUB"}}}';
    const headers = webhookHeaders(SECRET, "whd_2", body);
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(SECRET).verify(body.replace("100", "1000"), headers)).toThrow();
  });
});
