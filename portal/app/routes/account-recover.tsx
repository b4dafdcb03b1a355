import { Form, Link, useNavigation } from "react-router";
import { RequestPasswordResetMutation, TenantsForRecoveryQuery } from "../graphql/identity";
import { publicTenant, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { mutate, query } from "../lib/gateway.server";
import { Field, FormMessage, PublicShell } from "../ui/field";
import type { Route } from "./+types/account-recover";

export const meta: Route.MetaFunction = () => [{ title: "Восстановление пароля — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const tenant = await publicTenant(request, context);
  const { tenants } = await query(context.gateway(), TenantsForRecoveryQuery, {});
  return { tenant, tenants };
}

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  const form = await request.formData();
  const email = text(form, "email");
  const slug = text(form, "tenant");
  if (!slug) return { error: "Выберите поставщика", fields: { tenant: "Выберите поставщика" }, values: { email } };
  const r = await mutate(context.gateway(), RequestPasswordResetMutation, { slug, email });
  return stateOf(r.requestPasswordReset, { email });
}

export default function Recover({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant, tenants } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  const f = s.fields ?? {};
  return (
    <PublicShell tenant={tenant} title="Восстановление пароля">
      {s.ok ? (
        <>
          <FormMessage ok={s.ok} />
          <p>
            <Link to={tenant ? `/login?tenant=${tenant.slug}` : "/login"}>Ко входу</Link>
          </p>
        </>
      ) : (
        <Form method="post" className="card" noValidate>
          <p>Пришлём ссылку для смены пароля. Она действует сутки и один раз.</p>
          <div className={`field${f.tenant ? " field--invalid" : ""}`}>
            <label htmlFor="tenant">Поставщик</label>
            <select id="tenant" name="tenant" defaultValue={tenant?.slug ?? ""}>
              <option value="">— выберите —</option>
              {tenants.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
            {f.tenant ? <span className="field__error">{f.tenant}</span> : null}
          </div>
          <Field
            name="email"
            label="E-mail"
            type="email"
            autoComplete="username"
            defaultValue={s.values?.email}
            error={f.email}
          />
          <FormMessage error={Object.keys(f).length > 0 ? null : s.error} />
          <button type="submit" className="button button--primary" disabled={busy}>
            Прислать ссылку
          </button>
        </Form>
      )}
    </PublicShell>
  );
}
