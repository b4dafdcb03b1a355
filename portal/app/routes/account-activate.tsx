import { Form, Link } from "react-router";
import { ActivateMutation } from "../graphql/identity";
import { linkToken, publicTenant } from "../lib/account.server";
import { mutate } from "../lib/gateway.server";
import { FormMessage, PublicShell } from "../ui/field";
import type { Route } from "./+types/account-activate";

export const meta: Route.MetaFunction = () => [{ title: "Активация кабинета — Кабинет дилера" }];

/**
 * The activation link. Following it is a GET that mail scanners may prefetch, so the page only
 * asks to confirm; the POST spends the single-use link.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  return { tenant: await publicTenant(request, context), hasToken: linkToken(request) !== "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const r = await mutate(context.gateway(), ActivateMutation, { t: linkToken(request) });
  return r.activateAccount;
}

export default function Activate({ loaderData, actionData }: Route.ComponentProps) {
  const { tenant, hasToken } = loaderData;
  const login = tenant ? `/login?tenant=${tenant.slug}` : "/login";
  if (actionData?.__typename === "Activated") {
    return (
      <PublicShell tenant={tenant} title="Кабинет активирован">
        <FormMessage ok={actionData.message} />
        <p>
          <Link to={login}>Войти в кабинет</Link>
        </p>
      </PublicShell>
    );
  }
  if (actionData?.__typename === "AccountError" || !hasToken) {
    return (
      <PublicShell tenant={tenant} title="Ссылка не работает">
        <FormMessage error={actionData?.message ?? "В ссылке нет кода активации."} />
        <p>
          Если кабинет уже активирован — <Link to={login}>войдите</Link>. Иначе{" "}
          <Link to={tenant ? `/register?tenant=${tenant.slug}` : "/register"}>зарегистрируйтесь снова</Link>: мы пришлём
          новую ссылку.
        </p>
      </PublicShell>
    );
  }
  return (
    <PublicShell tenant={tenant} title="Активация кабинета">
      <p>Подтвердите адрес электронной почты, чтобы активировать личный кабинет.</p>
      <Form method="post">
        <button type="submit" className="button button--primary">
          Активировать кабинет
        </button>
      </Form>
    </PublicShell>
  );
}
