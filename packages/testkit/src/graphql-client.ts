import { type Actor, INTERNAL_TOKEN_HEADER, signInternalToken } from "@dpp/auth";

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs a GraphQL operation and returns status, data and errors as a client would see them. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: GraphQLResponse["errors"] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, ...body };
}

/** Calls a subgraph directly as the gateway would, with a signed internal token for `actor`. */
export async function callSubgraph<T = Record<string, unknown>>(
  url: string,
  secret: string,
  actor: Actor,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const token = await signInternalToken({ actor, requestId: "test" }, secret);
  return postGraphQL<T>(url, query, variables, { [INTERNAL_TOKEN_HEADER]: token });
}

export function dealerActor(tenantId: string, companyId: string | null = null, userId = "usr_test"): Actor {
  return {
    kind: "user",
    userId,
    tenantId,
    companyId,
    roles: ["dealer_admin"],
    permissions: ["orders.send", "finance.view", "stock.view"],
  };
}

export const TEST_INTERNAL_SECRET = "test-internal-secret-0123456789abcdef";
