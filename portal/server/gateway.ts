import { createHash, createHmac } from "node:crypto";
import { Client, fetchExchange } from "@urql/core";

/** The gateway knows the portal's operations by hash (schema/operations/portal.json, built by scripts/persist-operations.ts). */
const CLIENT_HEADER = "x-dpp-client";
const CLIENT_SIGNATURE_HEADER = "x-dpp-client-signature";

/**
 * Trusted documents: names the operation by the sha256 of its text and marks the request as the
 * portal's (signed with PORTAL_CLIENT_SECRET when configured). The text goes along so that in
 * development an operation not yet in the manifest still runs; in production the gateway runs
 * only the manifest's text for the hash and refuses unknown ones.
 */
export function persistedFetch(clientSecret?: string): typeof fetch {
  return (input, init) => {
    if (typeof init?.body !== "string") return fetch(input, init);
    const body = JSON.parse(init.body) as { query?: string; extensions?: Record<string, unknown> };
    if (typeof body.query !== "string") return fetch(input, init);
    const sha256Hash = createHash("sha256").update(body.query).digest("hex");
    body.extensions = { ...body.extensions, persistedQuery: { version: 1, sha256Hash } };
    const headers = new Headers(init.headers);
    headers.set(CLIENT_HEADER, "portal");
    if (clientSecret) {
      const t = Math.floor(Date.now() / 1000);
      const v1 = createHmac("sha256", clientSecret).update(`${t}.${sha256Hash}`).digest("hex");
      headers.set(CLIENT_SIGNATURE_HEADER, `t=${t},v1=${v1}`);
    }
    return fetch(input, { ...init, headers, body: JSON.stringify(body) });
  };
}

/** A fresh urql client per call: no cache shared between users; the token stays on the server. */
export function createGatewayClientFactory(url: string, opts: { clientSecret?: string } = {}) {
  const fetchPersisted = persistedFetch(opts.clientSecret);
  return (accessToken?: string) =>
    new Client({
      url,
      exchanges: [fetchExchange],
      requestPolicy: "network-only",
      preferGetMethod: false,
      fetch: fetchPersisted,
      fetchOptions: () => {
        const headers: Record<string, string> = {};
        if (accessToken) headers.authorization = `Bearer ${accessToken}`;
        return { headers };
      },
    });
}
