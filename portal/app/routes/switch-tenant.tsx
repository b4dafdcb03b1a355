import { redirect } from "react-router";
import { SwitchTenantMutation } from "../graphql/auth";
import { commitSession, sessionTokens, withAuth } from "../lib/auth.server";
import { mutate } from "../lib/gateway.server";
import type { Route } from "./+types/switch-tenant";

export async function loader() {
  throw redirect("/catalog");
}

/** The header's brand switcher posts here: new tokens for the chosen tenant, then its catalog. */
export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ session, client, tokens }) => {
    const form = await request.formData();
    const slug = String(form.get("tenant") ?? "");
    if (!slug || slug === tokens.tenantSlug) throw redirect("/catalog");
    const r = await mutate(client, SwitchTenantMutation, { s: slug });
    const next = sessionTokens(r.switchTenant);
    if (!next || !session.id) {
      session.flash(
        "notice",
        r.switchTenant.__typename === "AuthError" ? r.switchTenant.message : "Не удалось сменить бренд.",
      );
      throw redirect("/catalog", { headers: { "Set-Cookie": await commitSession(session, context) } });
    }
    await context.sessions.replaceTokens(session.id, next);
    session.unset("activeDraftId");
    throw redirect("/catalog", { headers: { "Set-Cookie": await commitSession(session, context) } });
  });
}
