import { createRequire } from "node:module";
import { Supergraph } from "@apollo/federation-internals";
import {
  buildASTSchema,
  buildSchema,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  findBreakingChanges,
  type InputValueDefinitionNode,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  type TypeNode,
} from "graphql";

/**
 * The public contract: what integrators may rely on. Apollo's contracts are a GraphOS (cloud)
 * feature and @apollo/federation-internals exposes no contract filter, so this is graphql-js
 * filtering over the supergraph's API schema, by tags read from the supergraph SDL:
 *
 * - a root field (Query/Mutation) is public when it carries `@tag(name: "public")`;
 * - so is every type reachable from a public field (its arguments and result), with all of its
 *   fields — except a field or type tagged `@tag(name: "internal")`, which is left out.
 *
 * Reachability instead of tagging every type: a new field on a public type is public by default,
 * and the breaking-change test (gateway/test/contract.test.ts) shows it in schema/public.graphql.
 */
export interface PublicContract {
  /** The contract SDL, sorted (schema/public.graphql). */
  sdl: string;
  /** "Type", "Type.field" or "Type.field(arg:)" for every public element without a description. */
  undocumented: string[];
}

const ROOTS = new Set(["Query", "Mutation"]);

// @apollo/federation-internals is CommonJS and builds its schema with CommonJS graphql; printing
// it with the ESM copy would fail graphql-js's "another module or realm" check.
const cjsGraphql = createRequire(import.meta.url)("graphql") as typeof import("graphql");

const tagsOf = (directives: readonly (ConstDirectiveNode | DirectiveNode)[] | undefined): string[] =>
  (directives ?? [])
    .filter((d) => d.name.value === "tag")
    .flatMap((d) => d.arguments?.filter((a) => a.name.value === "name") ?? [])
    .flatMap((a) => (a.value.kind === Kind.STRING ? [a.value.value] : []));

const namedType = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type));

/** Tags per "Type" and "Type.field" as written in the supergraph (subgraphs' @tag survive composition). */
function tagsIn(supergraph: DocumentNode): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  const add = (key: string, list: string[]) => {
    if (list.length > 0) tags.set(key, [...(tags.get(key) ?? []), ...list]);
  };
  for (const def of supergraph.definitions) {
    if (!("name" in def) || !def.name || !("directives" in def)) continue;
    add(def.name.value, tagsOf(def.directives));
    if ("fields" in def)
      for (const f of def.fields ?? []) add(`${def.name.value}.${f.name.value}`, tagsOf(f.directives));
  }
  return tags;
}

type Named = Extract<DefinitionNode, { name: { value: string } }> & { kind: string };

export function buildPublicContract(supergraphSdl: string): PublicContract {
  const tags = tagsIn(parse(supergraphSdl));
  const has = (key: string, tag: string) => tags.get(key)?.includes(tag) ?? false;
  const api = cjsGraphql.printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
  const defs = new Map<string, Named>();
  for (const d of parse(api).definitions) if ("name" in d && d.name) defs.set(d.name.value, d as Named);

  const keep = new Set<string>();
  const fieldsKept = new Map<string, Set<string>>();
  const queue: string[] = [];
  const reach = (name: string) => {
    if (keep.has(name) || !defs.has(name) || has(name, "internal")) return;
    keep.add(name);
    queue.push(name);
  };
  const keepField = (type: string, f: FieldDefinitionNode | InputValueDefinitionNode) => {
    if (has(`${type}.${f.name.value}`, "internal")) return;
    if (!fieldsKept.has(type)) fieldsKept.set(type, new Set());
    fieldsKept.get(type)?.add(f.name.value);
    reach(namedType(f.type));
    if ("arguments" in f) for (const a of f.arguments ?? []) reach(namedType(a.type));
  };
  for (const root of ROOTS) {
    const def = defs.get(root);
    if (!def || !("fields" in def)) continue;
    for (const f of def.fields ?? []) {
      if (!has(`${root}.${f.name.value}`, "public")) continue;
      keep.add(root);
      keepField(root, f);
    }
  }
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const def = defs.get(name);
    if (!def) continue;
    if ("interfaces" in def) for (const i of def.interfaces ?? []) reach(i.name.value);
    if (def.kind === Kind.UNION_TYPE_DEFINITION) for (const t of def.types ?? []) reach(t.name.value);
    if ("fields" in def) for (const f of def.fields ?? []) keepField(name, f);
  }

  const undocumented: string[] = [];
  const out: DefinitionNode[] = [];
  for (const [name, def] of defs) {
    if (!keep.has(name)) continue;
    const isScalarBuiltin =
      def.kind === Kind.SCALAR_TYPE_DEFINITION && ["ID", "String", "Int", "Float", "Boolean"].includes(name);
    if (!ROOTS.has(name) && !isScalarBuiltin && !(def as { description?: unknown }).description)
      undocumented.push(name);
    if (!("fields" in def)) {
      out.push(def);
      continue;
    }
    const kept = fieldsKept.get(name) ?? new Set<string>();
    const fields = (def.fields ?? []).filter((f) => kept.has(f.name.value));
    for (const f of fields) {
      if (!f.description) undocumented.push(`${name}.${f.name.value}`);
      if ("arguments" in f) {
        for (const a of f.arguments ?? [])
          if (!a.description) undocumented.push(`${name}.${f.name.value}(${a.name.value}:)`);
      }
    }
    const interfaces = "interfaces" in def ? (def.interfaces ?? []).filter((i) => keep.has(i.name.value)) : undefined;
    out.push({ ...def, fields, ...(interfaces ? { interfaces } : {}) } as DefinitionNode);
  }
  const schema = lexicographicSortSchema(buildASTSchema({ kind: Kind.DOCUMENT, definitions: out }));
  return { sdl: `${printSchema(schema)}\n`, undocumented: undocumented.sort() };
}

/**
 * Breaking changes from the last released contract to this one (graphql-js findBreakingChanges:
 * removals, type changes, new required arguments…) that schema/public-changes.md does not record.
 * A change is recorded when its description (e.g. "Query.orders was removed.") appears there verbatim.
 */
export function unrecordedBreakingChanges(releasedSdl: string, currentSdl: string, changesMd: string): string[] {
  return findBreakingChanges(buildSchema(releasedSdl), buildSchema(currentSdl))
    .map((c) => c.description)
    .filter((d) => !changesMd.includes(d));
}
