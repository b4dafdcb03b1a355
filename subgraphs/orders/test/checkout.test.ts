import { demoTenant } from "@dpp/seed";
import { CHECKOUT_FIELDS, checkoutOf } from "@dpp/tenant";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayClient } from "./gateway-helpers.ts";

/**
 * Checkout through the real gateway, identity, finance and inventory: each demo tenant's form as
 * its definition configures it, its required fields enforced, the active counterparty as the
 * default buyer, another company's counterparty refused, saved addresses, idempotency with fields.
 */
let stack: Stack;
let c: ReturnType<typeof gatewayClient>;

beforeAll(async () => {
  stack = await startStack();
  c = gatewayClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const SLUGS = ["wasserkraft", "keaz", "spectr", "vitup", "autoparts"] as const;

interface FormView {
  fields: {
    key: string;
    label: string;
    required: boolean;
    default: string | null;
    options: { code: string; label: string }[];
  }[];
  defaultCounterpartyId: string | null;
  savedAddresses: { id: string; address: string }[];
}
const FORM =
  "checkoutForm { fields { key label required default options { code label } } defaultCounterpartyId savedAddresses { id address } }";

const CHECKOUT = `counterpartyId checkout { counterparty { id name } contract { id name } consignee deliveryAddress
  warehouse { id name } deliveryMethod { code label } paymentOption { code label } shipInParts plannedDate
  technicalServices { code label } confirmed }`;
const SUBMIT = `mutation($id: ID!, $k: String, $c: CheckoutInput, $n: String) {
  submitOrder(orderId: $id, idempotencyKey: $k, checkout: $c, customerNumber: $n) {
    __typename ... on Order { id number isDraft customerNumber ${CHECKOUT} }
    ... on OrderError { code message problems { field code message } } } }`;

interface Submitted {
  __typename: string;
  id?: string;
  number?: string;
  customerNumber?: string | null;
  counterpartyId?: string | null;
  checkout?: Record<string, unknown> & { counterparty: { id: string; name: string } | null };
  code?: string;
  problems?: { field: string; code: string; message: string }[];
}

async function draftWithLine(token: string, slug: string): Promise<string> {
  const { product, quantity } = c.stockedProduct(slug);
  const draft = await c.gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }");
  await c.gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
    i: { orderId: draft.createDraft.id, article: product.article, quantity },
  });
  return draft.createDraft.id;
}

async function submit(token: string, orderId: string, checkout?: object, key?: string, number?: string) {
  return (await c.gql<{ submitOrder: Submitted }>(token, SUBMIT, { id: orderId, c: checkout, k: key, n: number }))
    .submitOrder;
}

const formOf = async (token: string) => (await c.gql<{ checkoutForm: FormView }>(token, `{ ${FORM} }`)).checkoutForm;

/** A checkout meeting every shown field of the form: the first choice of each list, text, a ticked box. */
function complete(form: FormView, address: string): Record<string, unknown> {
  const has = (k: string) => form.fields.find((f) => f.key === k);
  const first = (k: string) => has(k)?.options[0]?.code;
  return {
    ...(has("contract") && first("contract") ? { contractId: first("contract") } : {}),
    ...(has("consignee") ? { consignee: "ООО «Получатель»" } : {}),
    ...(has("deliveryAddress") ? { deliveryAddress: address } : {}),
    ...(has("warehouse") ? { warehouseId: first("warehouse") } : {}),
    ...(has("deliveryMethod") ? { deliveryMethod: first("deliveryMethod") } : {}),
    ...(has("paymentOption") ? { paymentOption: first("paymentOption") } : {}),
    ...(has("shipInParts") ? { shipInParts: true } : {}),
    ...(has("plannedDate") ? { plannedDate: "2099-01-15" } : {}),
    ...(has("technicalService") ? { technicalServices: [first("technicalService")] } : {}),
    ...(has("confirmation") ? { confirmed: true } : {}),
  };
}

describe.each(SLUGS)("%s: the checkout form is the tenant's configuration", (slug) => {
  it("shows exactly the configured fields, refuses a submission missing a required one, accepts a complete one", async () => {
    const definition = demoTenant(stack.dataset, slug).definition;
    const configured = checkoutOf(definition);
    const token = await c.login(`dealer@${slug}.demo`, slug);
    const form = await formOf(token);
    expect(form.fields.map((f) => [f.key, f.required])).toEqual(
      CHECKOUT_FIELDS.filter((k) => configured[k].mode !== "hidden").map((k) => [k, configured[k].mode === "required"]),
    );
    for (const f of form.fields) {
      const own = configured[f.key as (typeof CHECKOUT_FIELDS)[number]];
      if (own.label) expect(f.label).toBe(own.label);
      if (own.options) expect(f.options.map((o) => o.code)).toEqual(own.options.map((o) => o.code));
      expect(f.default).toBe(own.default ?? null);
    }

    // Required fields nobody fills for the dealer: no tenant default, not the session's counterparty.
    const unmet = CHECKOUT_FIELDS.filter(
      (k) => configured[k].mode === "required" && !configured[k].default && k !== "counterparty",
    );
    const draftId = await draftWithLine(token, slug);
    if (unmet.length > 0) {
      const refused = await submit(token, draftId);
      expect(refused.code).toBe("CHECKOUT_INVALID");
      expect(refused.problems?.map((p) => p.field)).toEqual(unmet);
      const still = await c.gql<{ order: { isDraft: boolean } }>(
        token,
        "query($id: ID!) { order(id: $id) { isDraft } }",
        {
          id: draftId,
        },
      );
      expect(still.order.isDraft).toBe(true);
    }

    const address = `${slug}: 305000, Курск, ул. Ленина, 1`;
    const sent = await submit(token, draftId, complete(form, address), undefined, "ЗК-77");
    expect(sent.__typename).toBe("Order");
    expect(sent.customerNumber).toBe("ЗК-77");
    // The buyer is the session's active counterparty, kept with the name the dealer saw.
    expect(sent.counterpartyId).toBe(form.defaultCounterpartyId);
    expect(sent.checkout?.counterparty?.id).toBe(form.defaultCounterpartyId);
    const shown = (k: string) => form.fields.some((f) => f.key === k);
    expect(sent.checkout).toMatchObject({
      deliveryAddress: shown("deliveryAddress") ? address : null,
      confirmed: shown("confirmation"),
      shipInParts: shown("shipInParts"),
      plannedDate: shown("plannedDate") ? "2099-01-15" : null,
      deliveryMethod: shown("deliveryMethod") ? form.fields.find((f) => f.key === "deliveryMethod")?.options[0] : null,
    });
    if (shown("warehouse")) {
      const wh = form.fields.find((f) => f.key === "warehouse")?.options[0];
      expect(sent.checkout?.warehouse).toEqual({ id: wh?.code, name: wh?.label });
    }
  });
});

describe("the active counterparty (decision 0009)", () => {
  it("is the default buyer; another counterparty of the company may be chosen; another company's is refused, nothing saved", async () => {
    const token = await c.login("dealer@multibrand.demo", "keaz");
    const viewer = await c.gql<{
      viewer: { counterparty: { id: string }; counterparties: { id: string; name: string }[] };
    }>(token, "{ viewer { counterparty { id } counterparties { id name } } }");
    const form = await formOf(token);
    expect(form.defaultCounterpartyId).toBe(viewer.viewer.counterparty.id);
    expect(form.fields.find((f) => f.key === "counterparty")?.options.map((o) => o.code)).toEqual(
      viewer.viewer.counterparties.map((x) => x.id),
    );
    const other = viewer.viewer.counterparties.find((x) => x.id !== viewer.viewer.counterparty.id);
    if (!other) throw new Error("the multibrand dealer has two counterparties in keaz");

    const chosen = await submit(token, await draftWithLine(token, "keaz"), { counterpartyId: other.id });
    expect(chosen.counterpartyId).toBe(other.id);
    expect(chosen.checkout?.counterparty).toEqual({ id: other.id, name: other.name });

    const keaz = demoTenant(stack.dataset, "keaz");
    const keazCompanies = new Set(
      stack.dataset.memberships.filter((m) => m.tenantId === keaz.id).map((m) => m.companyId),
    );
    const foreign = stack.dataset.companies
      .filter((co) => keazCompanies.has(co.id))
      .flatMap((co) => co.counterparties)
      .find((x) => !viewer.viewer.counterparties.some((own) => own.id === x.id));
    if (!foreign) throw new Error("no other company's counterparty in the data set");
    const draftId = await draftWithLine(token, "keaz");
    const refused = await submit(token, draftId, { counterpartyId: foreign.id }, "ctp-foreign-1");
    expect(refused.code).toBe("CHECKOUT_INVALID");
    expect(refused.problems).toEqual([
      { field: "counterparty", code: "COUNTERPARTY_NOT_ALLOWED", message: expect.stringContaining("контрагент") },
    ]);
    const still = await c.gql<{ order: { isDraft: boolean; number: string } }>(
      token,
      "query($id: ID!) { order(id: $id) { isDraft number } }",
      { id: draftId },
    );
    expect(still.order).toEqual({ isDraft: true, number: "" });
  });

  it("a contract of the company is kept with its number; an unknown one is refused", async () => {
    const token = await c.login("dealer@keaz.demo", "keaz");
    const contracts = (await formOf(token)).fields.find((f) => f.key === "contract")?.options ?? [];
    expect(contracts.length).toBeGreaterThan(0);
    const bad = await submit(token, await draftWithLine(token, "keaz"), { contractId: "ctr_01forged" });
    expect(bad.problems?.map((p) => `${p.field}:${p.code}`)).toEqual(["contract:UNKNOWN_CONTRACT"]);
    const ok = await submit(token, await draftWithLine(token, "keaz"), { contractId: contracts[0]?.code });
    expect(ok.checkout?.contract).toEqual({ id: contracts[0]?.code, name: contracts[0]?.label });
  });
});

describe("idempotency includes the checkout fields", () => {
  it("the same key and body returns the same order; the same key with another address is refused", async () => {
    const token = await c.login("dealer@keaz.demo", "keaz");
    const draftId = await draftWithLine(token, "keaz");
    const body = { deliveryAddress: "Курск, Ленина, 1", deliveryMethod: "transport_company", shipInParts: true };
    const first = await submit(token, draftId, body, "idem-checkout-1");
    const again = await submit(token, draftId, { ...body, deliveryAddress: " Курск,  Ленина, 1 " }, "idem-checkout-1");
    expect(first.__typename).toBe("Order");
    expect(again.number).toBe(first.number);
    const other = await submit(token, draftId, { ...body, deliveryAddress: "Орел, Мира, 2" }, "idem-checkout-1");
    expect(other.code).toBe("IDEMPOTENCY_KEY_REUSED");
    const otherBox = await submit(token, draftId, { ...body, shipInParts: false }, "idem-checkout-1");
    expect(otherBox.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });
});

describe("saved delivery addresses", () => {
  it("asked on the first order, reused on the next, listed and deletable", async () => {
    const token = await c.login("dealer@vitup.demo", "vitup");
    const before = await c.gql<{ deliveryAddresses: { id: string }[] }>(token, "{ deliveryAddresses { id } }");
    for (const a of before.deliveryAddresses)
      await c.gql(token, "mutation($id: ID!) { deleteDeliveryAddress(id: $id) }", { id: a.id });

    const first = await submit(token, await draftWithLine(token, "vitup"));
    expect(first.problems?.map((p) => `${p.field}:${p.code}`)).toEqual(["deliveryAddress:REQUIRED"]);
    const address = "Москва, ул. Тверская, 7, магазин «У дома»";
    expect((await submit(token, await draftWithLine(token, "vitup"), { deliveryAddress: address })).__typename).toBe(
      "Order",
    );
    const second = await submit(token, await draftWithLine(token, "vitup"));
    expect(second.checkout?.deliveryAddress).toBe(address);

    const saved = (await formOf(token)).savedAddresses;
    expect(saved.map((a) => a.address)).toEqual([address]);
    const del = await c.gql<{ deleteDeliveryAddress: boolean }>(
      token,
      "mutation($id: ID!) { deleteDeliveryAddress(id: $id) }",
      {
        id: saved[0]?.id,
      },
    );
    expect(del.deleteDeliveryAddress).toBe(true);
    // Another company cannot delete it (it is gone for everyone now, and was never theirs).
    const other = await c.login("dealer@keaz.demo", "keaz");
    const foreign = await c.gql<{ deleteDeliveryAddress: boolean }>(
      other,
      "mutation($id: ID!) { deleteDeliveryAddress(id: $id) }",
      {
        id: saved[0]?.id,
      },
    );
    expect(foreign.deleteDeliveryAddress).toBe(false);
    expect((await formOf(token)).savedAddresses).toEqual([]);
  });
});
