import type { Actor, UserActor } from "@dpp/auth";
import { GraphQLError } from "graphql";

/** For authentication, authorization and bugs only; expected failures are union members. */
export function unauthenticated(message = "Authentication required"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

export function forbidden(message = "Not allowed"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });
}

/** The tenant of the verified caller; a request without one is refused. */
export function requireTenant(actor: Actor): string {
  if (actor.kind === "anonymous" || !actor.tenantId) throw unauthenticated();
  return actor.tenantId;
}

export function requireUser(actor: Actor): UserActor {
  if (actor.kind !== "user") throw unauthenticated();
  return actor;
}
