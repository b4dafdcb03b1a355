import { Client, fetchExchange } from "@urql/core";

/**
 * A GraphQL client for the platform's gateway (urql's core client, no React). `auth` is either
 * an integrator's API key or a user's access token from `login`.
 */
export function gatewayClient(gatewayUrl: string, auth: { apiKey: string } | { token: string }) {
  const authorization = "apiKey" in auth ? `ApiKey ${auth.apiKey}` : `Bearer ${auth.token}`;
  const client = new Client({
    url: gatewayUrl,
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: "network-only",
    fetchOptions: { headers: { authorization } },
  });
  /** Runs a mutation or query; GraphQL or HTTP errors throw with the gateway's message and request id. */
  return async function call<Data, Vars extends Record<string, unknown>>(
    document: string,
    variables: Vars,
  ): Promise<Data> {
    const result = document.trimStart().startsWith("mutation")
      ? await client.mutation<Data, Vars>(document, variables).toPromise()
      : await client.query<Data, Vars>(document, variables).toPromise();
    if (result.error) {
      const first = result.error.graphQLErrors[0];
      const requestId = first?.extensions?.requestId;
      throw new Error(`${result.error.message}${requestId ? ` (requestId ${String(requestId)})` : ""}`);
    }
    if (!result.data) throw new Error("no data");
    return result.data;
  };
}

/** A typed-error union member (UserError) turned into an exception for scripts. */
export function unwrap<T extends { __typename: string }>(value: T, expected: T["__typename"]): T {
  if (value.__typename !== expected) {
    const e = value as unknown as { code?: string; message?: string };
    throw new Error(`${e.code ?? value.__typename}: ${e.message ?? ""}`);
  }
  return value;
}
