import { data, Form, Link, useNavigation } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { NomenclatureSubscriptionQuery, SetNomenclatureSubscriptionMutation } from "../graphql/presentations";
import { withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { FormMessage } from "../ui/field";
import type { Route } from "./+types/catalog-nomenclature-mail";

export const meta: Route.MetaFunction = () => [{ title: "Номенклатурный файл — Кабинет дилера" }];

const RIGHT = "nomenclature.file";

/** The nomenclature file: download it now, or receive it by e-mail every morning. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { viewer } = await query(client, ViewerQuery, {});
    if (!viewer?.company || !viewer.permissions.includes(RIGHT)) {
      throw new Response("Нет права на получение номенклатурного файла", { status: 403 });
    }
    const { nomenclatureSubscription } = await query(client, NomenclatureSubscriptionQuery, {});
    return { subscribed: nomenclatureSubscription, email: viewer.user.email };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const subscribed = form.get("subscribed") === "on";
    await mutate(client, SetNomenclatureSubscriptionMutation, { subscribed });
    return data({
      ok: subscribed ? "Подписка оформлена: файл будет приходить каждое утро." : "Подписка отменена.",
    });
  });
}

export default function NomenclatureMail({ loaderData, actionData }: Route.ComponentProps) {
  const { subscribed, email } = loaderData;
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page--narrow">
      <nav className="breadcrumbs" aria-label="Навигация">
        <Link to="/catalog">Каталог</Link>
      </nav>
      <h1>Номенклатурный файл</h1>
      <p>
        Каталог с вашими ценами в формате Excel.{" "}
        <a href="/catalog/nomenclature.xlsx" download>
          Скачать сейчас (XLSX)
        </a>
      </p>
      <Form method="post" className="card" key={String(subscribed)}>
        <div className="field">
          <label>
            <input name="subscribed" type="checkbox" defaultChecked={subscribed} /> Присылать файл на {email} каждый
            день (в 6:00 по Москве)
          </label>
        </div>
        <FormMessage ok={actionData?.ok} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сохранить
        </button>
      </Form>
    </div>
  );
}
