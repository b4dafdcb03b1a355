import { Form, redirect, useNavigation, useRouteLoaderData } from "react-router";
import { ChangePasswordMutation, ProfileQuery } from "../graphql/identity";
import { stateOf } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { commitSession, withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/account-password";
import type { loader as appLoader } from "./app-layout";

export const meta: Route.MetaFunction = () => [{ title: "Смена пароля — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ProfileQuery, {});
    return { passwordRule: viewer?.tenant.passwordRule ?? "" };
  });
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  return withAuth(request, context, async ({ client, session, tokens }) => {
    const form = await request.formData();
    const r = await mutate(client, ChangePasswordMutation, {
      i: {
        currentPassword: String(form.get("currentPassword") ?? ""),
        password: String(form.get("password") ?? ""),
        passwordRepeat: String(form.get("passwordRepeat") ?? ""),
      },
    });
    if (r.changePassword.__typename === "AccountError" || !session.id) return stateOf(r.changePassword);
    // The token was issued for "must change": the next request refreshes it with every right.
    await context.sessions.replaceTokens(session.id, { ...tokens, accessExpiresAt: new Date(0).toISOString() });
    session.flash("notice", "Пароль изменён");
    throw redirect("/catalog", { headers: { "Set-Cookie": await commitSession(session, context) } });
  });
}

export default function AccountPassword({ loaderData, actionData }: Route.ComponentProps) {
  const app = useRouteLoaderData<typeof appLoader>("app");
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  const forced = app?.viewer.mustChangePassword ?? false;
  return (
    <div className="page--narrow">
      <h1>{forced ? "Задайте свой пароль" : "Смена пароля"}</h1>
      {forced ? (
        <p className="banner" role="status">
          Вы вошли с паролем из письма. Придумайте свой пароль — до этого остальные разделы кабинета недоступны.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <Field
          name="currentPassword"
          label={forced ? "Пароль из письма" : "Текущий пароль"}
          type="password"
          autoComplete="current-password"
          error={f.currentPassword}
        />
        <Field
          name="password"
          label="Новый пароль"
          type="password"
          autoComplete="new-password"
          hint={loaderData.passwordRule}
          error={f.password}
        />
        <Field name="passwordRepeat" label="Новый пароль ещё раз" type="password" autoComplete="new-password" />
        <FormMessage error={Object.keys(f).length > 0 ? null : s.error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сменить пароль
        </button>
      </Form>
    </div>
  );
}
