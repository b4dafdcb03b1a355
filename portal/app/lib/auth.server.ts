import type { Client } from "@urql/core";
import { type AppLoadContext, redirect } from "react-router";
import type { PortalSession, SessionTokens } from "../context";
import { RefreshSessionMutation } from "../graphql/auth";
import type { SessionResult } from "../graphql/types";
import { mutate, UnauthenticatedError } from "./gateway.server";

/** Refresh a little before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;

export interface Auth {
  session: PortalSession;
  tokens: SessionTokens;
  /** The gateway, as this user. */
  client: Client;
}

export function sessionTokens(result: SessionResult): SessionTokens | null {
  if (result.__typename !== "Session") return null;
  return {
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    accessExpiresAt: result.accessTokenExpiresAt,
    tenantSlug: result.tenant.slug,
  };
}

export const getSession = (request: Request, context: AppLoadContext) =>
  context.sessions.storage.getSession(request.headers.get("Cookie"));

export const commitSession = (session: PortalSession, context: AppLoadContext) =>
  context.sessions.storage.commitSession(session);

/** The logged-in user's session with fresh tokens, or null. Refreshes (rotating the pair) when near expiry. */
export async function getAuth(request: Request, context: AppLoadContext): Promise<Auth | null> {
  const session = await getSession(request, context);
  const stored = session.get("accessToken");
  const expiresAt = session.get("accessExpiresAt");
  if (!stored || !expiresAt || !session.id) return null;
  let tokens: SessionTokens | null = {
    accessToken: stored,
    refreshToken: session.get("refreshToken") ?? "",
    accessExpiresAt: expiresAt,
    tenantSlug: session.get("tenantSlug") ?? "",
  };
  if (Date.parse(expiresAt) - Date.now() < REFRESH_MARGIN_MS) {
    tokens = await context.sessions.ensureFresh(session.id, async (refreshToken) => {
      const r = await mutate(context.gateway(), RefreshSessionMutation, { r: refreshToken });
      return sessionTokens(r.refreshSession);
    });
    if (!tokens) return null;
  }
  return { session, tokens, client: context.gateway(tokens.accessToken) };
}

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const next = `${url.pathname}${url.search}`;
  return redirect(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`);
}

export async function requireAuth(request: Request, context: AppLoadContext): Promise<Auth> {
  const auth = await getAuth(request, context);
  if (!auth) throw loginRedirect(request);
  return auth;
}

/**
 * Runs a loader/action body as the logged-in user. Not logged in, or the gateway rejects the token
 * (revoked session): the session is dropped and the browser goes to /login?next=….
 */
export async function withAuth<T>(
  request: Request,
  context: AppLoadContext,
  fn: (auth: Auth) => Promise<T>,
): Promise<T> {
  const auth = await requireAuth(request, context);
  try {
    return await fn(auth);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    const cookie = await context.sessions.storage.destroySession(auth.session);
    const to = loginRedirect(request);
    to.headers.append("Set-Cookie", cookie);
    throw to;
  }
}
