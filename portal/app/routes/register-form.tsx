import { Form, Link, useNavigation } from "react-router";
import { RegisterDealerMutation, StartRegistrationMutation } from "../graphql/identity";
import { optional, publicTenant, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { mutate } from "../lib/gateway.server";
import { Field, FormMessage, PublicShell } from "../ui/field";
import type { Route } from "./+types/register-form";

export const meta: Route.MetaFunction = () => [{ title: "Регистрация — Кабинет дилера" }];

const SELF_SERVICE = new Set(["self_with_approval", "email_then_questionnaire"]);

export async function loader({ request, context }: Route.LoaderArgs) {
  return { tenant: await publicTenant(request, context) };
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  const tenant = await publicTenant(request, context);
  if (!tenant || !SELF_SERVICE.has(tenant.registrationMode)) return { error: "Регистрация у этого поставщика закрыта" };
  const form = await request.formData();
  const gw = context.gateway();
  if (tenant.registrationMode === "email_then_questionnaire") {
    const email = text(form, "email");
    const r = await mutate(gw, StartRegistrationMutation, {
      i: { tenantSlug: tenant.slug, email, acceptTerms: form.get("acceptTerms") === "on" },
    });
    return stateOf(r.startRegistration, { email });
  }
  const values = {
    userName: text(form, "userName"),
    legalName: text(form, "legalName"),
    inn: text(form, "inn"),
    kpp: text(form, "kpp"),
    email: text(form, "email"),
    managerEmail: text(form, "managerEmail"),
  };
  const r = await mutate(gw, RegisterDealerMutation, {
    i: {
      tenantSlug: tenant.slug,
      ...values,
      kpp: optional(form, "kpp"),
      managerEmail: optional(form, "managerEmail"),
      password: String(form.get("password") ?? ""),
      passwordRepeat: String(form.get("passwordRepeat") ?? ""),
    },
  });
  return stateOf(r.registerDealer, values);
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  const v = s.values ?? {};
  if (!tenant) {
    return (
      <PublicShell tenant={null} title="Регистрация">
        <p>
          Выберите поставщика на <Link to="/login">странице входа</Link> и нажмите «Регистрация».
        </p>
      </PublicShell>
    );
  }
  if (!SELF_SERVICE.has(tenant.registrationMode)) {
    return (
      <PublicShell tenant={tenant} title="Регистрация">
        <p>
          {tenant.registrationMode === "manager_invitation"
            ? "Кабинет создаёт менеджер поставщика: он пришлёт логин и пароль на вашу почту. Обратитесь к своему менеджеру."
            : "Кабинет для торговой точки создают сотрудники поставщика по договору поставки. Обратитесь к своему менеджеру."}
        </p>
      </PublicShell>
    );
  }
  if (s.ok) {
    return (
      <PublicShell tenant={tenant} title="Проверьте почту">
        <FormMessage ok={s.ok} />
        <p>
          <Link to={`/login?tenant=${tenant.slug}`}>Ко входу</Link>
        </p>
      </PublicShell>
    );
  }
  if (tenant.registrationMode === "email_then_questionnaire") {
    return (
      <PublicShell tenant={tenant} title={`Регистрация у поставщика ${tenant.name}`}>
        <p>Укажите e-mail: мы пришлём ссылку на анкету регистрации.</p>
        <Form method="post" className="card" noValidate>
          <Field name="email" label="E-mail" type="email" autoComplete="email" defaultValue={v.email} error={f.email} />
          <div className={`field${f.acceptTerms ? " field--invalid" : ""}`}>
            <label>
              <input type="checkbox" name="acceptTerms" /> Я принимаю условия пользовательского соглашения
            </label>
            {f.acceptTerms ? <span className="field__error">{f.acceptTerms}</span> : null}
          </div>
          <FormMessage error={s.fields && Object.keys(s.fields).length > 0 ? null : s.error} />
          <button type="submit" className="button button--primary" disabled={busy}>
            Получить ссылку
          </button>
        </Form>
      </PublicShell>
    );
  }
  return (
    <PublicShell tenant={tenant} title={`Регистрация дилера — ${tenant.name}`}>
      <p>
        После регистрации придёт письмо со ссылкой для активации. Пока менеджер не подтвердит регистрацию, кабинет
        работает в режиме просмотра.
      </p>
      <Form method="post" className="card" noValidate>
        <div className="form-grid">
          <Field
            name="userName"
            label="Имя пользователя"
            hint="Не короче 4 символов"
            defaultValue={v.userName}
            error={f.userName}
          />
          <Field
            name="legalName"
            label="Наименование юридического лица"
            defaultValue={v.legalName}
            error={f.legalName}
          />
          <Field
            name="inn"
            label="ИНН"
            inputMode="numeric"
            hint="10 цифр для организации, 12 — для ИП"
            defaultValue={v.inn}
            error={f.inn}
          />
          <Field name="kpp" label="КПП (необязательно)" hint="9 символов" defaultValue={v.kpp} error={f.kpp} />
          <Field
            name="email"
            label="Контактный e-mail (логин)"
            type="email"
            autoComplete="email"
            defaultValue={v.email}
            error={f.email}
          />
          <Field
            name="managerEmail"
            label="E-mail менеджера (необязательно)"
            type="email"
            hint="Если не знаете — оставьте пустым, заявку получит общий адрес поставщика"
            defaultValue={v.managerEmail}
            error={f.managerEmail}
          />
          <Field
            name="password"
            label="Пароль"
            type="password"
            autoComplete="new-password"
            hint={tenant.passwordRule}
            error={f.password}
          />
          <Field
            name="passwordRepeat"
            label="Пароль ещё раз"
            type="password"
            autoComplete="new-password"
            error={f.passwordRepeat}
          />
        </div>
        <FormMessage error={s.fields && Object.keys(s.fields).length > 0 ? null : s.error} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Зарегистрироваться
        </button>
      </Form>
    </PublicShell>
  );
}
