import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** Orders' current workflow of a tenant as JSON; null while orders has none (a tenant just created). */
export type CurrentWorkflow = (tenantId: string, requestId: string) => Promise<unknown | null>;

const responseSchema = z.object({
  data: z.object({ currentOrderWorkflowDefinition: z.unknown() }).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/**
 * Asks orders' service-only `currentOrderWorkflowDefinition` as the identity service (contracts
 * §1). Errors throw: a definition is not saved unchecked against the workflow orders runs.
 */
export function ordersWorkflowSource(ordersUrl: string | (() => string), secret: string): CurrentWorkflow {
  const base = () => (typeof ordersUrl === "function" ? ordersUrl() : ordersUrl).replace(/\/+$/, "");
  return async (tenantId, requestId) => {
    const token = await signServiceToken("identity", tenantId, secret, requestId);
    const res = await fetch(`${base()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query: "{ currentOrderWorkflowDefinition }" }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = responseSchema.parse(await res.json());
    if (!res.ok || body.errors?.length || !body.data) {
      throw new Error(`orders: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
    }
    return body.data.currentOrderWorkflowDefinition ?? null;
  };
}
