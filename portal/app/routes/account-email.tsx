import { Form, Link, useNavigation } from "react-router";
import { ConfirmEmailChangeMutation, RequestEmailChangeMutation } from "../graphql/identity";
import { linkToken, stateOf, text } from "../lib/account.server";
import { type FormState, LINK_CODES } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { mutate } from "../lib/gateway.server";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/account-email";

export const meta: Route.MetaFunction = () => [{ title: "Смена e-mail — Кабинет дилера" }];

/** Step 1: the new address (a code goes to the old one, a link to the new). Step 2 (?token=): the code. */
export async function loader({ request }: Route.LoaderArgs) {
  return { token: linkToken(request) };
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const token = linkToken(request);
    if (token) {
      const r = await mutate(client, ConfirmEmailChangeMutation, { i: { token, code: text(form, "code") } });
      return stateOf(r.confirmEmailChange);
    }
    const newEmail = text(form, "newEmail");
    const r = await mutate(client, RequestEmailChangeMutation, { e: newEmail });
    return stateOf(r.requestEmailChange, { newEmail });
  });
}

export default function AccountEmail({ loaderData, actionData }: Route.ComponentProps) {
  const { token } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  if (token && s.code && LINK_CODES.has(s.code)) {
    return (
      <div className="page--narrow">
        <h1>Ссылка не работает</h1>
        <FormMessage error={s.error} />
        <p>
          <Link to="/profile/email">Запросить смену e-mail заново</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page--narrow">
      <h1>Смена e-mail для входа</h1>
      {token ? (
        <Form method="post" className="card" noValidate>
          <p>Введите код из письма, отправленного на прежний адрес.</p>
          <Field name="code" label="Код из письма" inputMode="numeric" autoComplete="one-time-code" error={f.code} />
          <FormMessage error={Object.keys(f).length > 0 ? null : s.error} ok={s.ok} />
          <button type="submit" className="button button--primary" disabled={busy || Boolean(s.ok)}>
            Подтвердить
          </button>
        </Form>
      ) : (
        <Form method="post" className="card" noValidate>
          <p>
            На прежний адрес придёт код, на новый — ссылка. Откройте ссылку и введите код: адрес сменится, все сеансы
            завершатся.
          </p>
          <Field
            name="newEmail"
            label="Новый e-mail"
            type="email"
            autoComplete="email"
            defaultValue={s.values?.newEmail}
            error={f.newEmail}
          />
          <FormMessage error={Object.keys(f).length > 0 ? null : s.error} ok={s.ok} />
          <button type="submit" className="button button--primary" disabled={busy}>
            Отправить код и ссылку
          </button>
        </Form>
      )}
    </div>
  );
}
