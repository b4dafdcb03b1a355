import { existsSync, readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { subgraphs as allSubgraphs, type SubgraphDefinition } from "./subgraphs.ts";

export interface ServiceSdl {
  name: string;
  url: string;
  typeDefs: string;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`supergraph composition failed:\n${messages.map((m) => `  - ${m}`).join("\n")}`);
    this.name = "CompositionError";
  }
}

/** Composes subgraph SDLs into a supergraph SDL (no network); throws CompositionError listing every problem. */
export function composeFromSdl(services: readonly ServiceSdl[]): string {
  if (services.length === 0) throw new CompositionError(["no subgraph schema to compose"]);
  const result = composeServices(
    services.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.typeDefs, { noLocation: false }) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  return result.supergraphSdl;
}

export interface ComposeOptions {
  subgraphs?: readonly SubgraphDefinition[];
  /**
   * Fail when a subgraph's schema.graphql does not exist. Off while the subgraphs are being
   * written: missing ones are left out and reported through `onMissing`.
   */
  requireAll?: boolean;
  onMissing?: (names: string[]) => void;
}

/** Reads every subgraph's src/schema.graphql and returns the composed supergraph SDL. */
export function composeSupergraph(opts: ComposeOptions = {}): string {
  const list = opts.subgraphs ?? allSubgraphs;
  const missing = list.filter((s) => !existsSync(s.schemaPath)).map((s) => s.name);
  if (missing.length > 0) {
    if (opts.requireAll) throw new CompositionError(missing.map((n) => `subgraph ${n}: src/schema.graphql not found`));
    opts.onMissing?.(missing);
  }
  return composeFromSdl(
    list
      .filter((s) => !missing.includes(s.name))
      .map((s) => ({ name: s.name, url: s.defaultUrl, typeDefs: readFileSync(s.schemaPath, "utf8") })),
  );
}
