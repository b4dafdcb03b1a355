import { Form, useNavigation } from "react-router";
import { InviteDealerMutation } from "../graphql/identity";
import { forbiddenAs403, optional, requireStaffPage, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { mutate } from "../lib/gateway.server";
import { DEALER_FIELD_NAMES, DealerFields } from "../ui/dealer-fields";
import { FormMessage } from "../ui/field";
import type { Route } from "./+types/staff-invitations";

export const meta: Route.MetaFunction = () => [{ title: "Приглашения дилеров — Кабинет поставщика" }];

/** spectr: a manager invites a dealer; the dealer gets a login and a generated password by e-mail. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => requireStaffPage(client, "manager_invitation"));
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const values = Object.fromEntries(DEALER_FIELD_NAMES.map((k) => [k, text(form, k)]));
    const r = (
      await forbiddenAs403(
        mutate(client, InviteDealerMutation, {
          i: {
            email: text(form, "email"),
            fullName: text(form, "fullName"),
            legalName: text(form, "legalName"),
            inn: text(form, "inn"),
            kpp: optional(form, "kpp"),
          },
        }),
      )
    ).inviteDealer;
    if (r.__typename === "DealerInvited") return { ok: r.message };
    return stateOf(r, values);
  });
}

export default function StaffInvitations({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  return (
    <div className="page--narrow">
      <h1>Пригласить дилера</h1>
      <p>Дилер получит письмо с логином и паролем; при первом входе он сменит пароль.</p>
      <Form method="post" className="card" noValidate key={s.ok ?? "form"}>
        <DealerFields f={f} v={s.ok ? {} : (s.values ?? {})} />
        <FormMessage ok={s.ok} error={Object.keys(f).length > 0 ? null : s.error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Пригласить
        </button>
      </Form>
    </div>
  );
}
