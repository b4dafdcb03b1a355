import { Client, fetchExchange } from "@urql/core";

/** A fresh urql client per call: no cache shared between users; the token stays on the server. */
export function createGatewayClientFactory(url: string) {
  return (accessToken?: string) =>
    new Client({
      url,
      exchanges: [fetchExchange],
      requestPolicy: "network-only",
      preferGetMethod: false,
      fetchOptions: () => {
        const headers: Record<string, string> = {};
        if (accessToken) headers.authorization = `Bearer ${accessToken}`;
        return { headers };
      },
    });
}
