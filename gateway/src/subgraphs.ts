import { fileURLToPath } from "node:url";

/** The repository root (gateway/src/../..). */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export interface SubgraphDefinition {
  /** The service name in the supergraph (join__Graph) and the key of `subgraphUrls`. */
  name: string;
  /** Absolute path of the subgraph's SDL. */
  schemaPath: string;
  /** Routing URL written into the supergraph; only a default: the gateway's config overrides it. */
  defaultUrl: string;
  /** Default listening port (docs/CONTRACTS.md). */
  port: number;
}

const subgraph = (name: string, port: number): SubgraphDefinition => ({
  name,
  schemaPath: fileURLToPath(new URL(`../../subgraphs/${name}/src/schema.graphql`, import.meta.url)),
  defaultUrl: `http://127.0.0.1:${port}/graphql`,
  port,
});

/** Every subgraph of the supergraph, in composition order. */
export const subgraphs: readonly SubgraphDefinition[] = [
  subgraph("identity", 4001),
  subgraph("catalog", 4002),
  subgraph("orders", 4003),
  subgraph("finance", 4004),
  subgraph("inventory", 4005),
];

export type SubgraphName = "identity" | "catalog" | "orders" | "finance" | "inventory";
