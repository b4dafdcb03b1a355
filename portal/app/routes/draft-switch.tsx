import { redirect } from "react-router";
import { CreateDraftMutation, SetActiveDraftMutation } from "../graphql/orders";
import { commitSession, withAuth } from "../lib/auth.server";
import { draftName } from "../lib/drafts.server";
import { mutate } from "../lib/gateway.server";
import { orderErrorText } from "../lib/order-errors";
import type { Route } from "./+types/draft-switch";

/** The header's draft switcher: makes a draft the active one, or creates a new active draft, then opens it. */
export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client, session }) => {
    const form = await request.formData();
    let orderId = String(form.get("orderId") ?? "");
    if (form.get("intent") === "create") {
      orderId = (await mutate(client, CreateDraftMutation, { name: draftName() })).createDraft.id;
    } else {
      const r = (await mutate(client, SetActiveDraftMutation, { orderId })).setActiveDraft;
      if (r.__typename === "OrderError") {
        session.flash("notice", orderErrorText(r));
        throw redirect("/orders", { headers: { "Set-Cookie": await commitSession(session, context) } });
      }
    }
    session.set("activeDraftId", orderId);
    throw redirect(`/drafts/${orderId}`, { headers: { "Set-Cookie": await commitSession(session, context) } });
  });
}
