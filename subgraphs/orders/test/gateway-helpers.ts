import { callSubgraph, postGraphQL } from "@dpp/testkit";
import type { Stack } from "@dpp/testkit/stack";

/** Helpers for order tests through the real gateway (startStack): log in, call, submit, move. */
export function gatewayClient(stack: Stack) {
  const tenantOf = (slug: string) => {
    const t = stack.dataset.tenants.find((x) => x.definition.slug === slug);
    if (!t) throw new Error(`no demo tenant ${slug}`);
    return t;
  };

  async function login(email: string, slug: string): Promise<string> {
    const u = stack.dataset.users.find((x) => x.email === email);
    const res = await postGraphQL<{ login: { accessToken?: string } }>(
      stack.gatewayUrl,
      `mutation($input: LoginInput!) { login(input: $input) { ... on Session { accessToken } ... on AuthError { code message } } }`,
      { input: { email, password: u?.password, tenantSlug: slug } },
    );
    const token = res.data?.login.accessToken;
    if (!token) throw new Error(`login ${email}: ${JSON.stringify(res)}`);
    return token;
  }

  async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await postGraphQL<T>(stack.gatewayUrl, query, variables, { authorization: `Bearer ${token}` });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  }

  /** A product of the tenant that has stock, and an orderable quantity of it. */
  function stockedProduct(slug: string) {
    const t = tenantOf(slug);
    const p = t.products.find((x) => t.stock.some((s) => s.productId === x.id && s.quantity >= 100));
    if (!p) throw new Error(`no stocked product in ${slug}`);
    return { product: p, quantity: Math.max(p.minQuantity, p.packMultiple) };
  }

  /** Creates a draft with one stocked line and submits it; returns the submitted order. */
  async function submitted(token: string, slug: string): Promise<OrderView> {
    const { product, quantity } = stockedProduct(slug);
    const draft = await gql<{ createDraft: { id: string } }>(token, "mutation { createDraft { id } }");
    await gql(token, "mutation($i: AddOrderLineInput!) { addOrderLine(input: $i) { __typename } }", {
      i: { orderId: draft.createDraft.id, article: product.article, quantity },
    });
    const r = await gql<{ submitOrder: OrderView }>(
      token,
      `mutation($id: ID!, $c: CheckoutInput) { submitOrder(orderId: $id, checkout: $c) { ${RESULT} } }`,
      { id: draft.createDraft.id, c: ANY_CHECKOUT },
    );
    if (!r.submitOrder.id) throw new Error(`submit: ${JSON.stringify(r.submitOrder)}`);
    return r.submitOrder;
  }

  const fire = async (token: string, orderId: string, to: string) =>
    (
      await gql<{ fireOrderTransition: OrderView }>(
        token,
        `mutation($o: ID!, $to: String!) { fireOrderTransition(orderId: $o, to: $to) { ${RESULT} } }`,
        { o: orderId, to },
      )
    ).fireOrderTransition;

  const cancel = async (token: string, orderId: string, reason: string) =>
    (
      await gql<{ cancelOrder: OrderView }>(
        token,
        `mutation($o: ID!, $r: String!) { cancelOrder(orderId: $o, reason: $r) { ${RESULT} } }`,
        { o: orderId, r: reason },
      )
    ).cancelOrder;

  const view = async (token: string, orderId: string) =>
    (await gql<{ order: OrderView }>(token, `query($id: ID!) { order(id: $id) { ${ORDER} } }`, { id: orderId })).order;

  /** What inventory or finance does: reports an event straight to the orders subgraph as a service. */
  async function event(slug: string, orderId: string, name: string, service = "inventory"): Promise<OrderView> {
    const res = await callSubgraph<{ applyOrderEvent: OrderView }>(
      `${stack.urls.orders}/graphql`,
      stack.internalTokenSecret,
      { kind: "service", service, tenantId: tenantOf(slug).id },
      `mutation($o: ID!, $e: String!) { applyOrderEvent(orderId: $o, event: $e) { ${RESULT} } }`,
      { o: orderId, e: name },
    );
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.applyOrderEvent;
  }

  return { tenantOf, login, gql, submitted, fire, cancel, view, event, stockedProduct };
}

/** Meets every demo tenant's required checkout fields (the ticked box, an address); fields a form does not show are ignored. */
export const ANY_CHECKOUT = { confirmed: true, deliveryAddress: "305000, Курск, ул. Ленина, 1" };

export const ORDER = `id number statusCode status { code label category } cancelReason stockReserved stockReservedUntil
  statusChangedAt availableTransitions { to { code } label guards cancels } totals { amount { amount } }`;
export const RESULT = `... on Order { ${ORDER} } ... on OrderError { code message }`;

export interface OrderView {
  id: string;
  number: string;
  statusCode: string;
  status: { code: string; label: string; category: string };
  cancelReason: string | null;
  stockReserved: boolean;
  stockReservedUntil: string | null;
  statusChangedAt: string | null;
  availableTransitions: { to: { code: string }; label: string; guards: string[]; cancels: boolean }[];
  totals: { amount: { amount: number } };
  code?: string;
  message?: string;
}
