import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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

/**
 * A subgraph's SDL: src/schema.graphql followed by its feature modules, src/<feature>/schema.graphql
 * in name order (the subgraph's server loads the same files, e.g. orders' import/schema.graphql).
 */
export function subgraphSdl(schemaPath: string): string {
  const dir = path.dirname(schemaPath);
  const modules = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(dir, d.name, "schema.graphql"))
    .filter((p) => existsSync(p))
    .sort();
  return [schemaPath, ...modules].map((p) => readFileSync(p, "utf8")).join("\n");
}

/** Reads every subgraph's src/schema.graphql (and feature modules) and returns the composed supergraph SDL. */
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
      .map((s) => ({ name: s.name, url: s.defaultUrl, typeDefs: subgraphSdl(s.schemaPath) })),
  );
}
