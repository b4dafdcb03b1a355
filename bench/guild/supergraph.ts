import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { guildSubgraphs } from "./subgraphs.ts";

/** Composes the four subgraphs (Federation 2) into a supergraph routed to `urls`. */
export function composeGuildSupergraph(urls: Record<string, string>): string {
  const result = composeServices(
    guildSubgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.typeDefs), url: urls[s.name] })),
  );
  if (result.errors) throw new Error(`guild composition failed: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.supergraphSdl;
}
