import { Form, useNavigation } from "react-router";
import { ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from "../graphql/identity";
import { forbiddenAs403, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { Field, FormMessage } from "../ui/field";
import { RightsFieldset, rightLabel } from "../ui/rights";
import type { Route } from "./+types/account-api-keys";

export const meta: Route.MetaFunction = () => [{ title: "Ключи API — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => forbiddenAs403(query(client, ApiKeysQuery, {})));
}

type State = FormState & { key?: string; keyName?: string };

export async function action({ request, context }: Route.ActionArgs): Promise<State> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    if (text(form, "intent") === "revoke") {
      const r = (await mutate(client, RevokeApiKeyMutation, { id: text(form, "id") })).revokeApiKey;
      return r.__typename === "ApiKey" ? { ok: `Ключ «${r.name}» отозван` } : stateOf(r);
    }
    const name = text(form, "name");
    const r = (
      await mutate(client, CreateApiKeyMutation, { i: { name, permissions: form.getAll("permissions").map(String) } })
    ).createApiKey;
    if (r.__typename === "CreatedApiKey") return { key: r.key, keyName: r.apiKey.name };
    return stateOf(r, { name });
  });
}

export default function ApiKeys({ loaderData, actionData }: Route.ComponentProps) {
  const { apiKeys, rights, viewer } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: State = actionData ?? {};
  const f = s.fields ?? {};
  return (
    <>
      <h1>Ключи API</h1>
      <p>Ключ даёт интегрированной системе доступ к API от имени вашей компании с выбранными правами.</p>
      {s.key ? (
        <section className="card" aria-labelledby="new-key-title">
          <h2 id="new-key-title">Ключ «{s.keyName}» создан</h2>
          <p>
            <strong>Скопируйте его сейчас — больше он показан не будет.</strong> Мы храним только его отпечаток.
          </p>
          <code className="secret" data-testid="new-api-key">
            {s.key}
          </code>
        </section>
      ) : null}
      <FormMessage ok={s.ok} error={s.fields && Object.keys(f).length > 0 ? null : s.error} />
      <div className="table-wrap section">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Название</th>
              <th scope="col">Права</th>
              <th scope="col">Создан</th>
              <th scope="col">Последнее использование</th>
              <th scope="col">Состояние</th>
            </tr>
          </thead>
          <tbody>
            {apiKeys.length === 0 ? (
              <tr>
                <td colSpan={5}>Ключей пока нет.</td>
              </tr>
            ) : null}
            {apiKeys.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{k.permissions.map((p) => rightLabel(rights, p)).join("; ") || "—"}</td>
                <td>{formatDateTime(k.createdAt)}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "не использовался"}</td>
                <td>
                  {k.revokedAt ? (
                    `отозван ${formatDateTime(k.revokedAt)}`
                  ) : (
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={k.id} />
                      <span>действует</span>
                      <button type="submit" className="button button--danger" disabled={busy}>
                        Отозвать «{k.name}»
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="section" aria-labelledby="create-key-title">
        <h2 id="create-key-title">Новый ключ</h2>
        <Form method="post" className="card" noValidate key={s.key ?? "new"}>
          <input type="hidden" name="intent" value="create" />
          <Field
            name="name"
            label="Название"
            hint="Например, по системе, которая его использует: «1С: Управление торговлей»"
            defaultValue={s.key ? "" : s.values?.name}
            error={f.name}
          />
          <RightsFieldset
            legend="Права ключа (не больше ваших)"
            rights={rights}
            grantable={viewer?.permissions ?? []}
            checked={[]}
            idPrefix="key-rights"
            error={f.permissions}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            Создать ключ
          </button>
        </Form>
      </section>
    </>
  );
}
