import { Form, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { type CreateTenantInput, CreateTenantMutation, PlatformTenantsQuery } from "../graphql/tenant-admin";
import { forbiddenAs403, text } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { svgDataUrl } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import "../ui/admin.css";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/platform-tenants";

export const meta: Route.MetaFunction = () => [{ title: "Поставщики — Администрирование платформы" }];

async function requirePlatformAdmin(client: Parameters<typeof query>[0]) {
  const { viewer } = await query(client, ViewerQuery, {});
  if (!viewer?.roles.includes("platform_admin"))
    throw new Response("Только для администратора платформы", { status: 403 });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    await requirePlatformAdmin(client);
    return (await forbiddenAs403(query(client, PlatformTenantsQuery, {}))).platformTenants;
  });
}

const FIELDS = ["slug", "name", "legalName", "inn", "primary", "onPrimary", "accent", "adminEmail"] as const;

type State = { ok?: string; error?: string; problems?: Record<string, string>; values?: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs): Promise<State> {
  return withAuth(request, context, async ({ client }) => {
    await requirePlatformAdmin(client);
    const form = await request.formData();
    const input = Object.fromEntries(FIELDS.map((k) => [k, text(form, k)])) as unknown as CreateTenantInput;
    const r = (await forbiddenAs403(mutate(client, CreateTenantMutation, { input }))).createTenant;
    if (r.__typename === "TenantCreated") {
      return {
        ok: `Поставщик «${r.tenant.name}» создан. Администратору ${r.adminEmail} отправлено письмо с логином и паролем.`,
      };
    }
    return {
      error: r.message,
      problems: Object.fromEntries(r.problems.map((p) => [p.path, p.message])),
      values: { ...input },
    };
  });
}

const MODES: Record<string, string> = {
  self_with_approval: "самостоятельно, с подтверждением",
  email_then_questionnaire: "по e-mail и анкете",
  manager_invitation: "по приглашению",
  staff_created: "кабинеты создают сотрудники",
};

/** The platform admin's list of suppliers and the form that creates one from the template. */
export default function PlatformTenants({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const s: State = actionData ?? {};
  const p = s.problems ?? {};
  const v = s.values ?? { primary: "#1f3a5f", onPrimary: "#ffffff", accent: "#e0a100" };
  return (
    <div className="page--narrow">
      <h1>Поставщики платформы</h1>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Поставщики</caption>
          <thead>
            <tr>
              <th scope="col">Логотип</th>
              <th scope="col">Название</th>
              <th scope="col">Код</th>
              <th scope="col">Регистрация дилеров</th>
              <th scope="col">Цвета</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.map((t) => (
              <tr key={t.id}>
                <td>
                  <img src={svgDataUrl(t.branding.logoSvg)} alt="" height={28} />
                </td>
                <td>{t.name}</td>
                <td className="mono">{t.slug}</td>
                <td>{MODES[t.registrationMode] ?? t.registrationMode}</td>
                <td>
                  {[t.branding.primary, t.branding.onPrimary, t.branding.accent].map((c) => (
                    <span key={c} className="swatch" style={{ background: c }} title={c} />
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Form method="post" className="card section" noValidate key={s.ok ?? "form"}>
        <h2>Новый поставщик</h2>
        <p className="muted">
          Поставщик создаётся по шаблону (регистрация с подтверждением, простая схема заказов, счёт). Его администратор
          получит письмо с логином и паролем и настроит остальное сам.
        </p>
        <FormMessage error={s.error} ok={s.ok} />
        <div className="form-grid">
          <Field name="slug" label="Код (латиница, цифры, дефис)" defaultValue={v.slug} error={p.slug} />
          <Field name="name" label="Название" defaultValue={v.name} error={p.name} />
          <Field name="legalName" label="Юридическое лицо" defaultValue={v.legalName} error={p.legalName} />
          <Field name="inn" label="ИНН" inputMode="numeric" defaultValue={v.inn} error={p.inn} />
          <Field name="primary" label="Основной цвет" defaultValue={v.primary} error={p.primary} />
          <Field name="onPrimary" label="Текст на основном цвете" defaultValue={v.onPrimary} error={p.onPrimary} />
          <Field name="accent" label="Акцент" defaultValue={v.accent} error={p.accent} />
          <Field
            name="adminEmail"
            label="E-mail администратора"
            type="email"
            defaultValue={v.adminEmail}
            error={p.adminEmail}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          Создать поставщика
        </button>
      </Form>
    </div>
  );
}
