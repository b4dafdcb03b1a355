import type { Actor } from "@dpp/auth";
import { z } from "zod";
import { callSubgraph } from "./subgraph.ts";

const money = z.object({ amount: z.number().int() });
const orderSchema = z.object({
  id: z.string(),
  number: z.string(),
  isDraft: z.boolean(),
  statusCode: z.string(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The buyer counterparty chosen at checkout (else the session's active one); null for older orders. */
  counterpartyId: z.string().nullable(),
  checkout: z.object({ contract: z.object({ id: z.string() }).nullable() }).nullable(),
  lines: z.array(
    z.object({
      product: z.object({ id: z.string() }),
      article: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      unit: z.string(),
      unitPrice: money,
      amount: money,
    }),
  ),
  totals: z.object({ amount: money, vat: money }),
});
export type OrderForDocuments = z.output<typeof orderSchema>;

const QUERY = `query FinanceOrder($id: ID!) { order(id: $id) { id number isDraft statusCode submittedAt createdAt
  counterpartyId checkout { contract { id } }
  lines { product { id } article name quantity unit unitPrice { amount } amount { amount } } totals { amount { amount } vat { amount } } } }`;

/** One of the caller's orders from the orders subgraph (null: not theirs or unknown). */
export async function fetchOrder(
  opts: { url: string; secret: string; actor: Actor; requestId: string },
  orderId: string,
): Promise<OrderForDocuments | null> {
  const data = await callSubgraph(opts.url, opts.secret, opts.actor, opts.requestId, QUERY, { id: orderId });
  return data.order == null ? null : orderSchema.parse(data.order);
}
