import { data, Form, Link, redirect, useNavigation } from "react-router";
import { LoginMutation, TenantsQuery } from "../graphql/auth";
import { getAuth, getSession, sessionTokens } from "../lib/auth.server";
import { safeNext, svgDataUrl } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import type { Route } from "./+types/login";

export const meta: Route.MetaFunction = () => [{ title: "Вход — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const next = safeNext(url.searchParams.get("next"));
  if (await getAuth(request, context)) throw redirect(next);
  const { tenants } = await query(context.gateway(), TenantsQuery, {});
  // Links in mails name the tenant as ?brand=.
  return { tenants, next, tenant: url.searchParams.get("tenant") ?? url.searchParams.get("brand") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const tenantSlug = String(form.get("tenant") ?? "") || null;
  const next = safeNext(form.get("next"));
  if (!email || !password) {
    return data({ error: "Введите e-mail и пароль.", email }, { status: 400 });
  }
  const r = await mutate(context.gateway(), LoginMutation, { input: { email, password, tenantSlug } });
  const tokens = sessionTokens(r.login);
  if (!tokens) {
    const message = r.login.__typename === "AuthError" ? r.login.message : "Неверный e-mail или пароль.";
    return data({ error: message, email }, { status: 401 });
  }
  const previous = await getSession(request, context);
  if (previous.id) await context.sessions.storage.destroySession(previous);
  const session = await context.sessions.storage.getSession();
  session.set("accessToken", tokens.accessToken);
  session.set("refreshToken", tokens.refreshToken);
  session.set("accessExpiresAt", tokens.accessExpiresAt);
  session.set("tenantSlug", tokens.tenantSlug);
  throw redirect(next, { headers: { "Set-Cookie": await context.sessions.storage.commitSession(session) } });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { tenants, next, tenant } = loaderData;
  const busy = useNavigation().state !== "idle";
  return (
    <main className="login">
      <header className="login__intro">
        <h1>Кабинет дилера</h1>
        <p>Один вход — заказы у всех поставщиков, с которыми вы работаете.</p>
      </header>
      <Form method="post" className="login__form card" aria-describedby={actionData?.error ? "login-error" : undefined}>
        <input type="hidden" name="next" value={next} />
        <fieldset className="brands">
          <legend>Поставщик (необязательно)</legend>
          <div className="brands__grid">
            <label className="brand-card">
              <input type="radio" name="tenant" value="" defaultChecked={!tenant} />
              <span className="brand-card__body">
                <span className="brand-card__logo brand-card__logo--any" aria-hidden="true">
                  ★
                </span>
                <span className="brand-card__name">Любой из моих</span>
              </span>
            </label>
            {tenants.map((t) => (
              <label className="brand-card" key={t.id}>
                <input type="radio" name="tenant" value={t.slug} defaultChecked={tenant === t.slug} />
                <span className="brand-card__body" title={t.description}>
                  <img className="brand-card__logo" src={svgDataUrl(t.branding.logoSvg)} alt="" />
                  <span className="brand-card__name">{t.name}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="email">E-mail</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email ?? ""}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Пароль</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {actionData?.error ? (
          <p id="login-error" className="alert alert--error" role="alert">
            {actionData.error}
          </p>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? "Входим…" : "Войти"}
        </button>
        <p>
          <Link to={tenant ? `/recover?tenant=${tenant}` : "/recover"}>Забыли пароль?</Link>
        </p>
      </Form>
      <SelfRegistration tenants={tenants} />
    </main>
  );
}

/** «Регистрация» for the tenants whose registration mode lets dealers register themselves. */
function SelfRegistration({ tenants }: { tenants: { slug: string; name: string; registrationMode: string }[] }) {
  const open = tenants.filter(
    (t) => t.registrationMode === "self_with_approval" || t.registrationMode === "email_then_questionnaire",
  );
  if (open.length === 0) return null;
  return (
    <section className="card login__register" aria-labelledby="register-title">
      <h2 id="register-title">Регистрация</h2>
      <p>Нет кабинета? Зарегистрируйтесь у поставщика:</p>
      <ul>
        {open.map((t) => (
          <li key={t.slug}>
            <Link to={`/register?tenant=${t.slug}`}>Регистрация — {t.name}</Link>
          </li>
        ))}
      </ul>
      <p className="muted">У остальных поставщиков кабинет создаёт менеджер.</p>
    </section>
  );
}
