import { checkoutOf } from "@dpp/tenant";
import { postGraphQL } from "@dpp/testkit";
import { type Stack, startStack } from "@dpp/testkit/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANY_CHECKOUT, gatewayClient } from "./gateway-helpers.ts";

/**
 * A draft keeps the checkout values the dealer filled in (decision 0021): saved through the real
 * gateway without the form's required fields, read back on the draft, checked only for types, and
 * no longer changeable once the order is submitted.
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

const VALUES = `counterpartyId contractId consignee deliveryAddress warehouseId deliveryMethod paymentOption
  shipInParts plannedDate technicalServices confirmed comment customerNumber`;
const UPDATE = `mutation($id: ID!, $c: CheckoutInput, $comment: String, $n: String) {
  updateDraftCheckout(orderId: $id, checkout: $c, comment: $comment, customerNumber: $n) {
    __typename ... on Order { id draftCheckout { ${VALUES} } } ... on OrderError { code message } } }`;
const READ = `query($id: ID!) { order(id: $id) { id isDraft draftCheckout { ${VALUES} } } }`;

/** The demo tenant whose checkout form shows the most fields (found by its definition). */
function richestForm() {
  const shown = (t: (typeof stack.dataset.tenants)[number]) =>
    Object.values(checkoutOf(t.definition)).filter((f) => f.mode !== "hidden").length;
  const t = [...stack.dataset.tenants].sort((a, b) => shown(b) - shown(a))[0];
  if (!t) throw new Error("no demo tenant");
  return t;
}

describe("checkout values on a draft", () => {
  it("are kept as the dealer left them, required fields missing, and shown on the draft", async () => {
    const slug = richestForm().definition.slug;
    const token = await c.login(`dealer@${slug}.demo`, slug);
    const { product, quantity } = c.stockedProduct(slug);
    const id = (await c.gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }")).createDraft.id;
    await c.gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: id, article: product.article, quantity },
    });
    expect((await c.gql<{ order: { draftCheckout: unknown } }>(token, READ, { id })).order.draftCheckout).toBeNull();

    const partial = { consignee: "  ООО «Получатель»  ", shipInParts: true, technicalServices: ["b", "a", "a"] };
    const saved = (
      await c.gql<{ updateDraftCheckout: Record<string, unknown> }>(token, UPDATE, {
        id,
        c: partial,
        comment: "Позвонить перед доставкой",
        n: "ПО-77",
      })
    ).updateDraftCheckout;
    const expected = {
      counterpartyId: null,
      contractId: null,
      consignee: "ООО «Получатель»",
      deliveryAddress: null,
      warehouseId: null,
      deliveryMethod: null,
      paymentOption: null,
      shipInParts: true,
      plannedDate: null,
      technicalServices: ["a", "b"],
      confirmed: null,
      comment: "Позвонить перед доставкой",
      customerNumber: "ПО-77",
    };
    expect(saved).toEqual({ __typename: "Order", id, draftCheckout: expected });
    const read = (await c.gql<{ order: Record<string, unknown> }>(token, READ, { id })).order;
    expect(read).toEqual({ id, isDraft: true, draftCheckout: expected });

    const wrongType = await postGraphQL(
      stack.gatewayUrl,
      UPDATE,
      { id, c: { shipInParts: "да" } },
      { authorization: `Bearer ${token}` },
    );
    expect(wrongType.errors?.[0]?.message).toMatch(/shipInParts/);
    expect((await c.gql<{ order: Record<string, unknown> }>(token, READ, { id })).order.draftCheckout).toEqual(
      expected,
    );

    const submitted = await c.gql<{ submitOrder: { __typename: string } }>(
      token,
      `mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) { __typename ... on OrderError { code message } } }`,
      { id, c: { ...ANY_CHECKOUT, ...completeChoices(slug) } },
    );
    expect(submitted.submitOrder).toEqual({ __typename: "Order" });
    const late = (await c.gql<{ updateDraftCheckout: Record<string, unknown> }>(token, UPDATE, { id, c: partial }))
      .updateDraftCheckout;
    expect(late).toMatchObject({ __typename: "OrderError", code: "NOT_A_DRAFT" });
    expect((await c.gql<{ order: Record<string, unknown> }>(token, READ, { id })).order.draftCheckout).toBeNull();
  });
});

/** The tenant's default or first option of every required choice (the rest is in ANY_CHECKOUT). */
function completeChoices(slug: string): Record<string, unknown> {
  const form = checkoutOf(c.tenantOf(slug).definition);
  const pick = (k: "deliveryMethod" | "paymentOption") =>
    form[k].mode === "required" ? { [k]: form[k].default ?? form[k].options?.[0]?.code } : {};
  return { ...pick("deliveryMethod"), ...pick("paymentOption"), consignee: "ООО «Получатель»" };
}
