import { redirect } from "react-router";
import { SelectCounterpartyMutation } from "../graphql/identity";
import { commitSession, sessionTokens, withAuth } from "../lib/auth.server";
import { mutate } from "../lib/gateway.server";
import type { Route } from "./+types/account-counterparty";

export async function loader() {
  throw redirect("/catalog");
}

/** The header's counterparty switcher posts here: identity rotates the session into one for that counterparty. */
export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ session, client, tokens }) => {
    const form = await request.formData();
    const counterparty = String(form.get("counterparty") ?? "");
    const back = safeBack(request.headers.get("Referer"), request.url);
    const r = await mutate(client, SelectCounterpartyMutation, { r: tokens.refreshToken, c: counterparty });
    const next = sessionTokens(r.selectCounterparty);
    if (!next || !session.id) {
      const message =
        r.selectCounterparty.__typename === "AuthError"
          ? r.selectCounterparty.message
          : "Не удалось сменить контрагента.";
      session.flash("notice", message);
    } else {
      await context.sessions.replaceTokens(session.id, next);
      session.flash("notice", "Контрагент выбран");
    }
    throw redirect(back, { headers: { "Set-Cookie": await commitSession(session, context) } });
  });
}

/** Back to the page the switcher was on (same origin only). */
function safeBack(referer: string | null, self: string): string {
  if (!referer) return "/catalog";
  const r = new URL(referer);
  const s = new URL(self);
  return r.origin === s.origin && r.pathname !== "/select-counterparty" ? `${r.pathname}${r.search}` : "/catalog";
}
