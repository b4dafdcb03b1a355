import { describe, expect, it } from "vitest";
import { generateWebhookSecret, webhookInputProblems } from "./webhook.ts";

describe("webhookInputProblems", () => {
  it.each([
    [{ url: "https://erp.example.ru/hooks", topics: ["order.status_changed"] }, false, []],
    [{ url: "https://erp.example.ru/hooks", topics: ["stock.low", "invoice.issued", "shipment.created"] }, false, []],
    [{ url: "ftp://erp.example.ru", topics: ["stock.low"] }, true, ["url"]],
    [{ url: "http://127.0.0.1:9000/", topics: ["stock.low"] }, false, ["url"]],
    [{ url: "http://127.0.0.1:9000/", topics: ["stock.low"] }, true, []],
    [{ url: "https://erp.example.ru", topics: [] }, false, ["topics"]],
    [{ url: "https://erp.example.ru", topics: ["order.deleted"] }, false, ["topics"]],
    [{ url: "", topics: [] }, false, ["url", "topics"]],
  ])("%j (allow private %s) → problems in %j", (input, allowPrivate, fields) => {
    expect(webhookInputProblems(input, allowPrivate).map((p) => p.field)).toEqual(fields);
  });
});

describe("generateWebhookSecret", () => {
  it("is a whsec_ key of 32 random bytes, different each time", () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(a.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});
