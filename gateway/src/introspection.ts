import type { ApolloServerPlugin } from "@apollo/server";
import type { Actor } from "@dpp/auth";
import { type DocumentNode, GraphQLError, Kind, type SelectionSetNode } from "graphql";

/** Staff may explore the schema in production; dealers and integrators read the published contract. */
const STAFF = new Set(["manager", "tenant_admin", "platform_admin"]);

export const isStaff = (actor: Actor) => actor.kind === "user" && actor.roles.some((r) => STAFF.has(r));

/** True when the operation asks for `__schema` or `__type` (through fragments too); `__typename` is fine. */
export function asksForIntrospection(document: DocumentNode): boolean {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === "__schema" || s.name.value === "__type") return true;
        return s.selectionSet ? walk(s.selectionSet) : false;
      }
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const f = fragments.get(s.name.value);
      return f ? walk(f) : false;
    });
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && walk(d.selectionSet));
}

/**
 * Introspection per request: always when `allowAll` (development, or the INTROSPECTION flag),
 * otherwise only for authenticated staff. Apollo Server's own switch is all-or-nothing.
 */
export function introspectionPlugin(allowAll: boolean): ApolloServerPlugin<{ actor: Actor }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (allowAll || isStaff(contextValue.actor) || !asksForIntrospection(document)) return;
          throw new GraphQLError("Интроспекция схемы выключена. Опубликованная схема: schema/public.graphql.", {
            extensions: { code: "INTROSPECTION_DISABLED", http: { status: 403 } },
          });
        },
      };
    },
  };
}
