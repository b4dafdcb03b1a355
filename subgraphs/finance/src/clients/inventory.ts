import type { Actor } from "@dpp/auth";
import { z } from "zod";
import type { LeadTimeQuote } from "../domain/lead-times.ts";
import { callSubgraph } from "./subgraph.ts";

const availableSchema = z.object({ leadTimesAvailable: z.boolean() });
const leadTimesSchema = z.object({
  leadTimes: z.array(
    z.object({
      productId: z.string(),
      requested: z.number().int(),
      warehouse: z.object({ name: z.string() }),
      text: z.string(),
    }),
  ),
});

const AVAILABLE = "query FinanceLeadTimesAvailable { leadTimesAvailable }";
const LEAD_TIMES = `query FinanceLeadTimes($lines: [LeadTimeRequestInput!]!) {
  leadTimes(lines: $lines) { productId requested warehouse { name } text } }`;

/**
 * Inventory's lead times of the lines (every warehouse of the tenant), asked as the caller;
 * null when the tenant keeps no lead times.
 */
export async function fetchLeadTimes(
  opts: { url: string; secret: string; actor: Actor; requestId: string },
  lines: { productId: string; quantity: number }[],
): Promise<LeadTimeQuote[] | null> {
  const call = (query: string, variables: Record<string, unknown>) =>
    callSubgraph(opts.url, opts.secret, opts.actor, opts.requestId, query, variables);
  if (!availableSchema.parse(await call(AVAILABLE, {})).leadTimesAvailable || lines.length === 0) return null;
  const data = leadTimesSchema.parse(await call(LEAD_TIMES, { lines }));
  return data.leadTimes.map((t) => ({
    productId: t.productId,
    quantity: t.requested,
    warehouse: t.warehouse.name,
    text: t.text,
  }));
}
