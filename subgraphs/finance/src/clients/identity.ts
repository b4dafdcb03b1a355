import type { Actor } from "@dpp/auth";
import { z } from "zod";
import { callSubgraph } from "./subgraph.ts";

const companySchema = z.object({
  name: z.string(),
  counterparties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      inn: z.string(),
      kpp: z.string().nullable(),
      address: z.string().nullable(),
    }),
  ),
});
export type CompanyForDocuments = z.output<typeof companySchema>;

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on DealerCompany { name counterparties { id name inn kpp address } } } }`;

/** The dealer company with its legal entities (the buyer on documents), from identity. */
export async function fetchCompany(
  opts: { url: string; secret: string; actor: Actor; requestId: string },
  companyId: string,
): Promise<CompanyForDocuments | null> {
  const data = await callSubgraph(opts.url, opts.secret, opts.actor, opts.requestId, QUERY, {
    r: [{ __typename: "DealerCompany", id: companyId }],
  });
  const e = Array.isArray(data._entities) ? data._entities[0] : null;
  return e == null ? null : companySchema.parse(e);
}
