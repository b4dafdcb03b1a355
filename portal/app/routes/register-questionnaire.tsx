import { Form, Link, useNavigation } from "react-router";
import { CompleteRegistrationMutation, QuestionnaireQuery } from "../graphql/identity";
import { linkToken, optional, publicTenant, stateOf, text } from "../lib/account.server";
import { type FormState, LINK_CODES } from "../lib/account-form";
import { mutate, query } from "../lib/gateway.server";
import { Field, FormMessage, PublicShell } from "../ui/field";
import type { Route } from "./+types/register-questionnaire";

export const meta: Route.MetaFunction = () => [{ title: "Анкета регистрации — Кабинет дилера" }];

/** The keaz-style questionnaire behind the confirmation link: name parts, customer type, password, terms. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const tenant = await publicTenant(request, context);
  const token = linkToken(request);
  const { questionnaire } = await query(context.gateway(), QuestionnaireQuery, { t: token });
  return { tenant, token, questionnaire };
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  const form = await request.formData();
  const values = {
    surname: text(form, "surname"),
    givenName: text(form, "givenName"),
    patronymic: text(form, "patronymic"),
    customerType: text(form, "customerType"),
  };
  const r = await mutate(context.gateway(), CompleteRegistrationMutation, {
    i: {
      token: linkToken(request),
      ...values,
      patronymic: optional(form, "patronymic"),
      password: String(form.get("password") ?? ""),
      passwordRepeat: String(form.get("passwordRepeat") ?? ""),
      acceptTerms: form.get("acceptTerms") === "on",
      newsletter: form.get("newsletter") === "on",
    },
  });
  return stateOf(r.completeRegistration, values);
}

export default function Questionnaire({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant, questionnaire } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  const v = s.values ?? {};
  const again = tenant ? `/register?tenant=${tenant.slug}` : "/register";
  if (s.ok) {
    return (
      <PublicShell tenant={tenant} title="Регистрация завершена">
        <FormMessage ok={s.ok} />
        <p>
          <Link to={tenant ? `/login?tenant=${tenant.slug}` : "/login"}>Войти в кабинет</Link>
        </p>
      </PublicShell>
    );
  }
  if (questionnaire.__typename === "AccountError" || (s.code && LINK_CODES.has(s.code))) {
    const message = questionnaire.__typename === "AccountError" ? questionnaire.message : (s.error ?? "");
    return (
      <PublicShell tenant={tenant} title="Ссылка не работает">
        <FormMessage error={message} />
        <p>
          <Link to={again}>Получить новую ссылку</Link>
        </p>
      </PublicShell>
    );
  }
  return (
    <PublicShell tenant={tenant} title="Анкета регистрации">
      <p>
        Вход будет по адресу <strong>{questionnaire.email}</strong>.
      </p>
      <Form method="post" className="card" noValidate>
        <div className="form-grid">
          <Field name="surname" label="Фамилия" autoComplete="family-name" defaultValue={v.surname} error={f.surname} />
          <Field
            name="givenName"
            label="Имя"
            autoComplete="given-name"
            defaultValue={v.givenName}
            error={f.givenName}
          />
          <Field
            name="patronymic"
            label="Отчество (необязательно)"
            autoComplete="additional-name"
            defaultValue={v.patronymic}
            error={f.patronymic}
          />
        </div>
        <div className={`field${f.customerType ? " field--invalid" : ""}`}>
          <label htmlFor="customerType">Вы</label>
          <select
            id="customerType"
            name="customerType"
            defaultValue={v.customerType ?? ""}
            aria-invalid={f.customerType ? true : undefined}
            aria-describedby={f.customerType ? "customerType-error" : undefined}
          >
            <option value="">— выберите —</option>
            {questionnaire.customerTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          {f.customerType ? (
            <span id="customerType-error" className="field__error">
              {f.customerType}
            </span>
          ) : null}
        </div>
        <div className="form-grid">
          <Field
            name="password"
            label="Пароль"
            type="password"
            autoComplete="new-password"
            hint={tenant?.passwordRule}
            error={f.password}
          />
          <Field name="passwordRepeat" label="Пароль ещё раз" type="password" autoComplete="new-password" />
        </div>
        <div className={`field${f.acceptTerms ? " field--invalid" : ""}`}>
          <label>
            <input type="checkbox" name="acceptTerms" /> Я принимаю условия использования и политику конфиденциальности
          </label>
          {f.acceptTerms ? <span className="field__error">{f.acceptTerms}</span> : null}
          <label>
            <input type="checkbox" name="newsletter" /> Получать новости и рассылку
          </label>
        </div>
        <FormMessage error={Object.keys(f).length > 0 ? null : s.error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Завершить регистрацию
        </button>
      </Form>
    </PublicShell>
  );
}
