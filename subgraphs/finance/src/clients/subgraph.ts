import { type Actor, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from "@dpp/auth";
import { z } from "zod";

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/** Calls another subgraph as the gateway would, forwarding the caller (so it sees only what the caller may). */
export async function callSubgraph(
  baseUrl: string,
  secret: string,
  actor: Actor,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const token = await signInternalToken({ actor, requestId }, secret);
  const res = await fetch(`${baseUrl.replace(/\/$/, "")}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = responseSchema.parse(await res.json());
  if (!res.ok || body.errors?.length || !body.data) {
    throw new Error(`${baseUrl}: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
  }
  return body.data;
}
