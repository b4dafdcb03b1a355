import { type Checkout, checkoutForm, DEFAULT_CHECKOUT } from "@dpp/tenant";
import { describe, expect, it } from "vitest";
import { type CheckoutFacts, type CheckoutInput, normalizeCheckoutInput, validateCheckout } from "./checkout.ts";

const facts: CheckoutFacts = {
  activeCounterpartyId: "ctp_a",
  counterparties: [
    { id: "ctp_a", name: "ООО «Альфа»" },
    { id: "ctp_b", name: "ИП Бетов" },
  ],
  contracts: [
    { id: "ctr_1", number: "111111", counterpartyId: "ctp_a" },
    { id: "ctr_any", number: "222222", counterpartyId: null },
  ],
  warehouses: [{ id: "whs_nsk", name: "Склад КЭАЗ НОВОСИБИРСК" }],
  today: "2026-11-23",
  lastAddress: null,
};

const pickup = { code: "pickup", label: "Самовывоз" };
const full: Checkout = checkoutForm({
  counterparty: { mode: "required" },
  contract: { mode: "optional" },
  consignee: { mode: "optional" },
  deliveryAddress: { mode: "required" },
  warehouse: { mode: "required" },
  deliveryMethod: { mode: "required", options: [pickup, { code: "transport_company", label: "ТК" }] },
  paymentOption: { mode: "optional", options: [{ code: "invoice", label: "По счету" }] },
  shipInParts: { mode: "optional" },
  plannedDate: { mode: "optional" },
  technicalService: { mode: "optional", options: [{ code: "install", label: "Установка" }] },
  customerNumber: { mode: "optional" },
  comment: { mode: "optional" },
  confirmation: { mode: "required", label: "Я проверил содержимое заказа" },
});
const complete: CheckoutInput = {
  deliveryAddress: "305000, Курск, ул. Ленина, 1",
  warehouseId: "whs_nsk",
  deliveryMethod: "pickup",
  confirmed: true,
};

type Case = [string, Checkout, CheckoutInput, string | null];

describe("validateCheckout: what each form refuses", () => {
  it.each<Case>([
    ["the default form takes nothing at all", DEFAULT_CHECKOUT, {}, null],
    ["the default form takes a number and a comment", DEFAULT_CHECKOUT, { customerNumber: "A-1", comment: "x" }, null],
    ["a hidden field sent is ignored", DEFAULT_CHECKOUT, { deliveryAddress: "Курск", confirmed: false }, null],
    ["a complete full form", full, complete, null],
    ["a required address missing", full, { ...complete, deliveryAddress: "  " }, "deliveryAddress:REQUIRED"],
    ["a required warehouse missing", full, { ...complete, warehouseId: null }, "warehouse:REQUIRED"],
    ["an unknown warehouse", full, { ...complete, warehouseId: "whs_other" }, "warehouse:UNKNOWN_WAREHOUSE"],
    ["a required choice missing", full, { ...complete, deliveryMethod: null }, "deliveryMethod:REQUIRED"],
    [
      "a required choice missing, with the tenant's default",
      { ...full, deliveryMethod: { ...full.deliveryMethod, default: "pickup" } },
      { ...complete, deliveryMethod: null },
      null,
    ],
    ["a choice not in the list", full, { ...complete, deliveryMethod: "drone" }, "deliveryMethod:UNKNOWN_OPTION"],
    ["an unknown service", full, { ...complete, technicalServices: ["paint"] }, "technicalService:UNKNOWN_OPTION"],
    ["the box not ticked", full, { ...complete, confirmed: false }, "confirmation:NOT_CONFIRMED"],
    [
      "another company's counterparty",
      full,
      { ...complete, counterpartyId: "ctp_x" },
      "counterparty:COUNTERPARTY_NOT_ALLOWED",
    ],
    ["another counterparty of the company", full, { ...complete, counterpartyId: "ctp_b" }, null],
    ["an unknown contract", full, { ...complete, contractId: "ctr_x" }, "contract:UNKNOWN_CONTRACT"],
    [
      "a contract of the other counterparty",
      full,
      { ...complete, counterpartyId: "ctp_b", contractId: "ctr_1" },
      "contract:CONTRACT_OF_OTHER_COUNTERPARTY",
    ],
    [
      "a contract of no particular counterparty",
      full,
      { ...complete, counterpartyId: "ctp_b", contractId: "ctr_any" },
      null,
    ],
    ["a planned date in the past", full, { ...complete, plannedDate: "2026-11-22" }, "plannedDate:DATE_IN_PAST"],
    ["a planned date today", full, { ...complete, plannedDate: "2026-11-23" }, null],
    ["a date that does not exist", full, { ...complete, plannedDate: "2026-02-30" }, "plannedDate:INVALID_DATE"],
    ["a customer number too long", full, { ...complete, customerNumber: "9".repeat(51) }, "customerNumber:TOO_LONG"],
    ["a comment too long", full, { ...complete, comment: "к".repeat(2001) }, "comment:TOO_LONG"],
  ])("%s", (_, form, input, expected) => {
    const r = validateCheckout(form, input, facts);
    if (expected === null) expect(r).toMatchObject({ ok: true });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([expected]);
    }
  });

  it("reports every field's problem at once, each with a message in Russian", () => {
    const r = validateCheckout(full, {}, { ...facts, activeCounterpartyId: null, counterparties: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual([
      "counterparty",
      "deliveryAddress",
      "warehouse",
      "deliveryMethod",
      "confirmation",
    ]);
    expect(r.problems.find((p) => p.field === "confirmation")?.message).toBe(
      "Подтвердите: я проверил содержимое заказа.",
    );
  });
});

describe("validateCheckout: what it stores", () => {
  it("defaults the counterparty to the session's active one, even where the form hides the field", () => {
    const r = validateCheckout(DEFAULT_CHECKOUT, {}, facts);
    expect(r.ok && r.values.checkout.counterparty).toEqual({ id: "ctp_a", name: "ООО «Альфа»" });
  });

  it("takes the company's last address when none is sent, and drops what the form hides", () => {
    const r = validateCheckout(full, { ...complete, deliveryAddress: null }, { ...facts, lastAddress: "Курск, 1" });
    expect(r.ok && r.values.checkout.deliveryAddress).toBe("Курск, 1");
    const hidden = validateCheckout(DEFAULT_CHECKOUT, complete, { ...facts, lastAddress: "Курск, 1" });
    expect(hidden.ok && hidden.values.checkout).toMatchObject({
      deliveryAddress: null,
      warehouse: null,
      confirmed: false,
    });
  });

  it("without a session counterparty (an API key), takes the first the user may act for", () => {
    const r = validateCheckout(full, complete, { ...facts, activeCounterpartyId: null });
    expect(r.ok && r.values.checkout.counterparty).toEqual({ id: "ctp_a", name: "ООО «Альфа»" });
    const none = validateCheckout(full, complete, { ...facts, activeCounterpartyId: null, counterparties: [] });
    expect(none.ok ? [] : none.problems.map((p) => `${p.field}:${p.code}`)).toEqual(["counterparty:REQUIRED"]);
  });

  it("keeps names and labels as the dealer saw them, and trims text", () => {
    const r = validateCheckout(
      full,
      { ...complete, deliveryAddress: "  305000,   Курск ", contractId: "ctr_1", technicalServices: ["install"] },
      facts,
    );
    expect(r).toMatchObject({
      ok: true,
      values: {
        checkout: {
          contract: { id: "ctr_1", name: "111111" },
          warehouse: { id: "whs_nsk", name: "Склад КЭАЗ НОВОСИБИРСК" },
          deliveryMethod: pickup,
          deliveryAddress: "305000, Курск",
          technicalServices: [{ code: "install", label: "Установка" }],
          confirmed: true,
          shipInParts: false,
        },
      },
    });
  });

  it("normalizes a body the same way however it is spelled (idempotency)", () => {
    expect(normalizeCheckoutInput({ comment: " x ", technicalServices: ["b", "a", "a"] })).toEqual(
      normalizeCheckoutInput({ comment: "x", technicalServices: ["a", "b"], deliveryAddress: "" }),
    );
  });
});
