import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import { z } from "zod";

/** What finance does on an order event: issue the invoice (on submission), credit bonus points (at the configured status). */
export interface OrderFinanceEvent {
  orderId: string;
  number: string;
  companyId: string;
  statusCode: string;
  /** The order total; null on a status change (finance takes its invoice's total). */
  amount: number | null;
  date: string;
}

export interface FinanceEvents {
  recordOrderEvent(
    tenantId: string,
    event: OrderFinanceEvent,
    submitted: boolean,
  ): Promise<{ invoiceNumber: string | null; bonusPoints: number }>;
}

const MUTATION = `mutation($input: OrderFinanceEventInput!, $submitted: Boolean!) {
  recordOrderEvent(input: $input, submitted: $submitted) { invoice { number } bonusPoints } }`;

const responseSchema = z.object({
  data: z
    .object({
      recordOrderEvent: z.object({ invoice: z.object({ number: z.string() }).nullable(), bonusPoints: z.number() }),
    })
    .nullish(),
  errors: z.array(z.object({ message: z.string() })).nullish(),
});

/**
 * The finance subgraph's service mutation, called as the worker (a service token scoped to the
 * event's tenant): finance keeps owning its tables. Errors throw, so the job is retried; the
 * mutation is idempotent by order id.
 */
export function createFinanceClient(opts: {
  financeUrl: string;
  internalTokenSecret: string;
  timeoutMs?: number;
}): FinanceEvents {
  const url = `${opts.financeUrl.replace(/\/+$/, "")}/graphql`;
  return {
    async recordOrderEvent(tenantId, event, submitted) {
      const requestId = `wrk-${randomUUID()}`;
      const token = await signServiceToken("worker", tenantId, opts.internalTokenSecret, requestId);
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify({ query: MUTATION, variables: { input: event, submitted } }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      const body = responseSchema.parse(await res.json());
      const first = body.errors?.[0];
      if (first) throw new Error(`finance: ${first.message}`);
      if (!res.ok || !body.data) throw new Error(`finance: HTTP ${res.status}`);
      const r = body.data.recordOrderEvent;
      return { invoiceNumber: r.invoice?.number ?? null, bonusPoints: r.bonusPoints };
    },
  };
}
