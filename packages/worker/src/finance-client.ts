import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signServiceToken } from "@dpp/auth";
import type { MailAttachment } from "@dpp/mail";
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
  /** On submission: the buyer counterparty and the checkout's contract (the invoice is filed under them). */
  counterpartyId?: string | null;
  contractId?: string | null;
}

/** A manager's line edit of a submitted order, keyed by the orders outbox event. */
export interface InvoiceRevisionEvent {
  orderId: string;
  eventId: string;
  amount: number;
  vat: number;
  /** ISO 8601: when the lines changed. */
  at: string;
}

export interface FinanceEvents {
  recordOrderEvent(
    tenantId: string,
    event: OrderFinanceEvent,
    submitted: boolean,
  ): Promise<{ invoiceNumber: string | null; bonusPoints: number }>;
  /** Re-issues the order's invoice with the new amount (idempotent by event id); throws while there is no invoice yet. */
  reviseOrderInvoice(
    tenantId: string,
    event: InvoiceRevisionEvent,
  ): Promise<{ invoiceNumber: string; revision: number; applied: boolean }>;
  /** The order's invoice as a PDF; null (with finance's reason) when the tenant issues none. */
  orderInvoicePdf(tenantId: string, orderId: string): Promise<MailAttachment | { refused: string }>;
}

const MUTATION = `mutation($input: OrderFinanceEventInput!, $submitted: Boolean!) {
  recordOrderEvent(input: $input, submitted: $submitted) { invoice { number } bonusPoints } }`;
const REVISE = `mutation($input: ReviseOrderInvoiceInput!) {
  reviseOrderInvoice(input: $input) { applied invoice { number revision } } }`;
const INVOICE_FILE = `query($orderId: ID!) { orderInvoiceFile(orderId: $orderId) {
  __typename ... on DocumentFile { fileName contentType contentBase64 } ... on FinanceError { code message } } }`;

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ data: data.nullish(), errors: z.array(z.object({ message: z.string() })).nullish() });
const recorded = envelope(
  z.object({
    recordOrderEvent: z.object({ invoice: z.object({ number: z.string() }).nullable(), bonusPoints: z.number() }),
  }),
);
const revised = envelope(
  z.object({
    reviseOrderInvoice: z.object({
      applied: z.boolean(),
      invoice: z.object({ number: z.string(), revision: z.number().int() }),
    }),
  }),
);
const invoiceFile = envelope(
  z.object({
    orderInvoiceFile: z.union([
      z.object({
        __typename: z.literal("DocumentFile"),
        fileName: z.string(),
        contentType: z.string(),
        contentBase64: z.string(),
      }),
      z.object({ __typename: z.literal("FinanceError"), code: z.string(), message: z.string() }),
    ]),
  }),
);

/**
 * The finance subgraph's service operations, called as the worker (a service token scoped to the
 * event's tenant): finance keeps owning its tables. Errors throw, so the job is retried; the
 * mutations are idempotent (by order id, or by the edit's event id).
 */
export function createFinanceClient(opts: {
  financeUrl: string;
  internalTokenSecret: string;
  timeoutMs?: number;
}): FinanceEvents {
  const url = `${opts.financeUrl.replace(/\/+$/, "")}/graphql`;
  async function call<T>(
    schema: z.ZodType<{ data?: T | null; errors?: { message: string }[] | null }>,
    tenantId: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T> {
    const requestId = `wrk-${randomUUID()}`;
    const token = await signServiceToken("worker", tenantId, opts.internalTokenSecret, requestId);
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
    const body = schema.parse(await res.json());
    const first = body.errors?.[0];
    if (first) throw new Error(`finance: ${first.message}`);
    if (!res.ok || !body.data) throw new Error(`finance: HTTP ${res.status}`);
    return body.data;
  }
  return {
    async recordOrderEvent(tenantId, event, submitted) {
      const r = (await call(recorded, tenantId, MUTATION, { input: event, submitted })).recordOrderEvent;
      return { invoiceNumber: r.invoice?.number ?? null, bonusPoints: r.bonusPoints };
    },
    async reviseOrderInvoice(tenantId, event) {
      const r = (await call(revised, tenantId, REVISE, { input: event })).reviseOrderInvoice;
      return { invoiceNumber: r.invoice.number, revision: r.invoice.revision, applied: r.applied };
    },
    async orderInvoicePdf(tenantId, orderId) {
      const f = (await call(invoiceFile, tenantId, INVOICE_FILE, { orderId })).orderInvoiceFile;
      if (f.__typename === "FinanceError") return { refused: `${f.code}: ${f.message}` };
      return { filename: f.fileName, contentType: f.contentType, content: Buffer.from(f.contentBase64, "base64") };
    },
  };
}
