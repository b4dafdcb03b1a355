import { Form, Link, useNavigation } from "react-router";
import { ResetPasswordMutation } from "../graphql/identity";
import { linkToken, publicTenant, stateOf } from "../lib/account.server";
import { type FormState, LINK_CODES } from "../lib/account-form";
import { mutate } from "../lib/gateway.server";
import { Field, FormMessage, PublicShell } from "../ui/field";
import type { Route } from "./+types/account-reset";

export const meta: Route.MetaFunction = () => [{ title: "Новый пароль — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return { tenant: await publicTenant(request, context) };
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  const form = await request.formData();
  const r = await mutate(context.gateway(), ResetPasswordMutation, {
    i: {
      token: linkToken(request),
      password: String(form.get("password") ?? ""),
      passwordRepeat: String(form.get("passwordRepeat") ?? ""),
    },
  });
  return stateOf(r.resetPassword);
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  const q = tenant ? `?tenant=${tenant.slug}` : "";
  if (s.ok) {
    return (
      <PublicShell tenant={tenant} title="Пароль изменён">
        <FormMessage ok={s.ok} />
        <p>
          <Link to={`/login${q}`}>Войти с новым паролем</Link>
        </p>
      </PublicShell>
    );
  }
  if (s.code && LINK_CODES.has(s.code)) {
    return (
      <PublicShell tenant={tenant} title="Ссылка не работает">
        <FormMessage error={s.error} />
        <p>
          <Link to={`/recover${q}`}>Запросить новую ссылку</Link>
        </p>
      </PublicShell>
    );
  }
  return (
    <PublicShell tenant={tenant} title="Новый пароль">
      <Form method="post" className="card" noValidate>
        <Field
          name="password"
          label="Новый пароль"
          type="password"
          autoComplete="new-password"
          hint={tenant?.passwordRule}
          error={f.password}
        />
        <Field name="passwordRepeat" label="Новый пароль ещё раз" type="password" autoComplete="new-password" />
        <FormMessage error={Object.keys(f).length > 0 ? null : s.error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сохранить пароль
        </button>
      </Form>
    </PublicShell>
  );
}
