import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** A dealer company's cumulative turnover in kopecks, as orders sums it (contracts §1). */
export type TurnoverSource = (tenantId: string, companyId: string, requestId: string) => Promise<number>;

const responseSchema = z.object({
  data: z.object({ companyTurnover: z.number().int() }).nullish(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

/**
 * Asks orders' service-only `companyTurnover` as the catalog service. Errors throw: a dealer of a
 * tenant with turnover tiers is never priced without knowing the turnover.
 */
export function createTurnoverSource(opts: { ordersUrl: string | (() => string); secret: string }): TurnoverSource {
  const base = () => (typeof opts.ordersUrl === "function" ? opts.ordersUrl() : opts.ordersUrl).replace(/\/+$/, "");
  return async (tenantId, companyId, requestId) => {
    const token = await signServiceToken("catalog", tenantId, opts.secret, requestId);
    const res = await fetch(`${base()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query: "query($c: ID!) { companyTurnover(companyId: $c) }", variables: { c: companyId } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = responseSchema.parse(await res.json());
    if (!res.ok || body.errors?.length || !body.data) {
      throw new Error(`orders: ${res.status} ${body.errors?.map((e) => e.message).join("; ") ?? "no data"}`);
    }
    return body.data.companyTurnover;
  };
}
