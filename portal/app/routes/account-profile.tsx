import { Form, Link, useNavigation } from "react-router";
import { ProfileQuery, RequestDataChangeMutation, UpdateProfileMutation } from "../graphql/identity";
import { stateOf, text } from "../lib/account.server";
import { type FormState, isoToRuDate, ruDateToIso } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { BonusPoints } from "../ui/bonus-points";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/account-profile";

export const meta: Route.MetaFunction = () => [{ title: "Профиль — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ProfileQuery, {});
    if (!viewer) throw new Response("Нет доступа", { status: 403 });
    return viewer;
  });
}

/** Several values in one textarea, one per line (phones, extra e-mails). */
const lines = (form: FormData, name: string) =>
  String(form.get(name) ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

type ActionState = FormState & { intent: string };

export async function action({ request, context }: Route.ActionArgs): Promise<ActionState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const intent = text(form, "intent");
    if (intent === "data-change") {
      const r = await mutate(client, RequestDataChangeMutation, { m: text(form, "message") });
      return { intent, ...stateOf(r.requestDataChange, { message: text(form, "message") }) };
    }
    const birthDate = ruDateToIso(text(form, "birthDate"));
    const raw = Object.fromEntries(
      ["surname", "givenName", "patronymic", "region", "birthDate", "phones", "extraEmails"].map((k) => [
        k,
        String(form.get(k) ?? ""),
      ]),
    );
    if (birthDate === null) {
      const message = "Дата рождения — в формате ДД.ММ.ГГГГ, например 31.12.1980";
      return { intent, error: message, fields: { birthDate: message }, values: raw };
    }
    const r = await mutate(client, UpdateProfileMutation, {
      i: {
        surname: text(form, "surname"),
        givenName: text(form, "givenName"),
        patronymic: text(form, "patronymic"),
        region: text(form, "region"),
        birthDate,
        phones: lines(form, "phones"),
        extraEmails: lines(form, "extraEmails"),
      },
    });
    const u = r.updateProfile;
    if (u.__typename === "User") return { intent, ok: "Профиль сохранён" };
    // Errors of list items (phones.1) are shown under their list, naming the line.
    const fields: Record<string, string> = {};
    for (const e of u.fields) {
      const [name, index] = e.field.split(".");
      const where = index !== undefined ? `Строка ${Number(index) + 1}: ` : "";
      fields[name ?? e.field] = [fields[name ?? e.field], `${where}${e.message}`].filter(Boolean).join("; ");
    }
    return { intent, error: u.message, fields, values: raw };
  });
}

export default function AccountProfile({ loaderData, actionData }: Route.ComponentProps) {
  const { user, company } = loaderData;
  const p = user.profile;
  const busy = useNavigation().state !== "idle";
  const s: ActionState = actionData ?? { intent: "" };
  const profile: FormState = s.intent === "profile" ? s : {};
  const change: FormState = s.intent === "data-change" ? s : {};
  const f = profile.fields ?? {};
  const v = profile.values;
  return (
    <>
      <h1>Профиль</h1>
      <p>
        Вход: <strong>{user.email}</strong> · <Link to="/profile/email">Сменить e-mail</Link> ·{" "}
        <Link to="/account/password">Сменить пароль</Link>
      </p>
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <div className="form-grid">
          <Field name="surname" label="Фамилия" defaultValue={v?.surname ?? p?.surname ?? ""} error={f.surname} />
          <Field name="givenName" label="Имя" defaultValue={v?.givenName ?? p?.givenName ?? ""} error={f.givenName} />
          <Field
            name="patronymic"
            label="Отчество"
            defaultValue={v?.patronymic ?? p?.patronymic ?? ""}
            error={f.patronymic}
          />
          <Field name="region" label="Регион" defaultValue={v?.region ?? p?.region ?? ""} error={f.region} />
          <Field
            name="birthDate"
            label="Дата рождения"
            inputMode="numeric"
            placeholder="ДД.ММ.ГГГГ"
            hint="Например, 31.12.1980"
            defaultValue={v?.birthDate ?? isoToRuDate(p?.birthDate)}
            error={f.birthDate}
          />
        </div>
        <div className="form-grid">
          <ListField
            name="phones"
            label="Телефоны"
            hint="По одному в строке, например +7 495 123-45-67"
            value={v?.phones ?? p?.phones.join("\n") ?? ""}
            error={f.phones}
          />
          <ListField
            name="extraEmails"
            label="Дополнительные e-mail"
            hint="По одному в строке: туда придут копии уведомлений"
            value={v?.extraEmails ?? p?.extraEmails.join("\n") ?? ""}
            error={f.extraEmails}
          />
        </div>
        <FormMessage error={Object.keys(f).length > 0 ? null : profile.error} ok={profile.ok} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сохранить
        </button>
      </Form>
      {company ? (
        <section className="section" aria-labelledby="data-change-title">
          <h2 id="data-change-title">Запросить изменение данных</h2>
          <p>Реквизиты «{company.name}» меняет ваш менеджер. Опишите, что изменить, — запрос уйдёт ему на почту.</p>
          <Form method="post" className="card" noValidate>
            <input type="hidden" name="intent" value="data-change" />
            <ListField
              name="message"
              label="Что нужно изменить"
              value={change.values?.message ?? ""}
              error={change.fields?.message}
            />
            <FormMessage error={change.fields?.message ? null : change.error} ok={change.ok} />
            <button type="submit" className="button" disabled={busy}>
              Отправить запрос
            </button>
          </Form>
        </section>
      ) : null}
      {company ? <BonusPoints /> : null}
    </>
  );
}

function ListField(props: { name: string; label: string; hint?: string; value: string; error?: string | undefined }) {
  const { name, label, hint, value, error } = props;
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        rows={3}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <span id={`${name}-hint`} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${name}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
