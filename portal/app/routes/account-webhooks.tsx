import { Form, useNavigation } from "react-router";
import {
  CreateWebhookMutation,
  DeleteWebhookMutation,
  RedeliverWebhookMutation,
  UpdateWebhookMutation,
  WebhooksQuery,
} from "../graphql/webhooks";
import { forbiddenAs403, stateOf, text } from "../lib/account.server";
import type { FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime, formatNumber } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/account-webhooks";

export const meta: Route.MetaFunction = () => [{ title: "Вебхуки — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => forbiddenAs403(query(client, WebhooksQuery, {})));
}

type State = FormState & { secret?: string; secretUrl?: string };

export async function action({ request, context }: Route.ActionArgs): Promise<State> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const intent = text(form, "intent");
    const id = text(form, "id");
    if (intent === "redeliver") {
      const r = (await mutate(client, RedeliverWebhookMutation, { id })).redeliverWebhook;
      return r.__typename === "WebhookDelivery" ? { ok: "Доставка поставлена в очередь повторно" } : stateOf(r);
    }
    if (intent === "pause" || intent === "resume") {
      const r = (await mutate(client, UpdateWebhookMutation, { i: { id, active: intent === "resume" } }))
        .updateWebhookSubscription;
      if (r.__typename !== "WebhookSubscription") return stateOf(r);
      return { ok: r.active ? `Доставка на ${r.url} возобновлена` : `Доставка на ${r.url} приостановлена` };
    }
    if (intent === "delete") {
      const r = (await mutate(client, DeleteWebhookMutation, { id })).deleteWebhookSubscription;
      return r.__typename === "WebhookSubscription" ? { ok: `Подписка на ${r.url} удалена` } : stateOf(r);
    }
    const url = text(form, "url");
    const r = (await mutate(client, CreateWebhookMutation, { i: { url, topics: form.getAll("topics").map(String) } }))
      .createWebhookSubscription;
    if (r.__typename === "CreatedWebhookSubscription") return { secret: r.secret, secretUrl: r.subscription.url };
    return stateOf(r, { url });
  });
}

const STATUS: Record<string, string> = {
  pending: "в очереди",
  retrying: "ошибка, будет повтор",
  succeeded: "доставлено",
  failed: "не доставлено",
};

export default function Webhooks({ loaderData, actionData }: Route.ComponentProps) {
  const { webhookTopics: topics, webhookSubscriptions: subs, webhookDeliveries: deliveries } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: State = actionData ?? {};
  const f = s.fields ?? {};
  const topicLabel = (code: string) => topics.find((t) => t.code === code)?.label ?? code;
  const urlOf = (id: string) => subs.find((x) => x.id === id)?.url ?? id;
  return (
    <>
      <h1>Вебхуки</h1>
      <p>
        Мы отправляем POST-запрос на адрес вашей системы, когда происходит выбранное событие вашей компании. Запрос
        подписан по стандарту Standard Webhooks (заголовки webhook-id, webhook-timestamp, webhook-signature); при ошибке
        повторяем его с нарастающей паузой.
      </p>
      {s.secret ? (
        <section className="card" aria-labelledby="new-secret-title">
          <h2 id="new-secret-title">Подписка на {s.secretUrl} создана</h2>
          <p>
            <strong>Скопируйте секрет подписи сейчас — больше он показан не будет.</strong> Им ваша система проверяет,
            что запрос отправили мы.
          </p>
          <code className="secret" data-testid="webhook-secret">
            {s.secret}
          </code>
        </section>
      ) : null}
      <FormMessage ok={s.ok} error={s.fields && Object.keys(f).length > 0 ? null : s.error} />
      <div className="table-wrap section">
        <table className="table">
          <caption className="visually-hidden">Подписки</caption>
          <thead>
            <tr>
              <th scope="col">Адрес</th>
              <th scope="col">События</th>
              <th scope="col">Создана</th>
              <th scope="col">Состояние</th>
            </tr>
          </thead>
          <tbody>
            {subs.length === 0 ? (
              <tr>
                <td colSpan={4}>Подписок пока нет.</td>
              </tr>
            ) : null}
            {subs.map((w) => (
              <tr key={w.id}>
                <td>
                  <code>{w.url}</code>
                </td>
                <td>{w.topics.map(topicLabel).join("; ")}</td>
                <td>{formatDateTime(w.createdAt)}</td>
                <td>
                  <Form method="post" className="row-actions">
                    <input type="hidden" name="id" value={w.id} />
                    <span>{w.active ? "действует" : "приостановлена"}</span>
                    <button
                      type="submit"
                      name="intent"
                      value={w.active ? "pause" : "resume"}
                      className="button"
                      disabled={busy}
                    >
                      {w.active ? "Приостановить" : "Возобновить"}
                      <span className="visually-hidden"> доставку на {w.url}</span>
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="delete"
                      className="button button--danger"
                      disabled={busy}
                    >
                      Удалить<span className="visually-hidden"> подписку на {w.url}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="section" aria-labelledby="create-webhook-title">
        <h2 id="create-webhook-title">Новая подписка</h2>
        <Form method="post" className="card" noValidate key={s.secret ?? "new"}>
          <input type="hidden" name="intent" value="create" />
          <Field
            name="url"
            label="Адрес (URL) вашей системы"
            inputMode="url"
            autoComplete="url"
            hint="Например, https://erp.example.ru/webhooks/dealer-portal"
            defaultValue={s.secret ? "" : s.values?.url}
            error={f.url}
          />
          <fieldset className="checks" aria-describedby={f.topics ? "topics-error" : undefined}>
            <legend>События</legend>
            {topics.map((t) => (
              <label key={t.code}>
                <input type="checkbox" name="topics" value={t.code} />
                <span>
                  {t.label} <span className="muted">({t.code})</span>
                </span>
              </label>
            ))}
            {f.topics ? (
              <span id="topics-error" className="field__error">
                {f.topics}
              </span>
            ) : null}
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy}>
            Подписаться
          </button>
        </Form>
      </section>
      <section className="section" aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">Журнал доставки</h2>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Время</th>
                <th scope="col">Событие</th>
                <th scope="col">Адрес</th>
                <th scope="col">Результат</th>
                <th scope="col">Ответ</th>
                <th scope="col">Попытка</th>
                <th scope="col">Время ответа</th>
                <th scope="col">Действие</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.length === 0 ? (
                <tr>
                  <td colSpan={8}>Доставок пока не было.</td>
                </tr>
              ) : null}
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.lastAttemptAt ?? d.createdAt)}</td>
                  <td>{topicLabel(d.topic)}</td>
                  <td>
                    <code>{urlOf(d.subscriptionId)}</code>
                  </td>
                  <td>
                    {STATUS[d.status] ?? d.status}
                    {d.error ? <div className="muted">{d.error}</div> : null}
                  </td>
                  <td>{d.responseCode ?? "—"}</td>
                  <td>
                    {d.attempt} из {d.maxAttempts}
                  </td>
                  <td>{d.durationMs === null ? "—" : `${formatNumber(d.durationMs)} мс`}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="id" value={d.id} />
                      <button type="submit" name="intent" value="redeliver" className="button" disabled={busy}>
                        Отправить ещё раз
                        <span className="visually-hidden">
                          {" "}
                          ({topicLabel(d.topic)}, {d.id})
                        </span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
