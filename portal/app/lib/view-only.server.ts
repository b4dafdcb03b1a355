import { type AppLoadContext, redirect } from "react-router";
import type { Viewer } from "../graphql/auth";
import { type Auth, commitSession } from "./auth.server";

/**
 * A view-only cabinet's access token carries reading rights only. When the manager approves it,
 * the membership is active at once but the token would stay narrow until its refresh (≤ 15 min):
 * so the first page load after the approval expires the stored token, and the next request
 * refreshes it under the session's row lock (no refresh token is ever spent twice).
 */
export async function followApproval(request: Request, context: AppLoadContext, auth: Auth, viewer: Viewer) {
  const { session, tokens } = auth;
  if (viewer.status === "view_only" && !session.get("viewOnly")) {
    session.set("viewOnly", true);
    return commitSession(session, context);
  }
  if (viewer.status === "active" && session.get("viewOnly") && session.id) {
    await context.sessions.replaceTokens(session.id, { ...tokens, accessExpiresAt: new Date(0).toISOString() });
    session.unset("viewOnly");
    session.flash("notice", "Менеджер подтвердил регистрацию: все функции кабинета доступны");
    throw redirect(new URL(request.url).pathname, { headers: { "Set-Cookie": await commitSession(session, context) } });
  }
  return null;
}
