import { Form, Link, redirect, useNavigation } from "react-router";
import {
  ApplyWorkflowMigrationMutation,
  type Mapping,
  WorkflowMigrationPreviewQuery,
  WorkflowVersionsQuery,
} from "../graphql/workflow-admin";
import { forbiddenAs403 } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { mutate, query } from "../lib/gateway.server";
import { AdminNav } from "../ui/admin-nav";
import { StatusBadge } from "../ui/status-badge";
import "../ui/workflow-admin.css";
import type { Route } from "./+types/admin-workflow-migrate";

export const meta: Route.MetaFunction = () => [{ title: "Перевод заказов на новую версию схемы — Администрирование" }];

/** `map.<old status code>` = the status in the target version, from the preview form. */
const mappingsOf = (params: URLSearchParams | FormData): Mapping[] =>
  [...params.entries()]
    .filter(([k, v]) => k.startsWith("map.") && String(v))
    .map(([k, v]) => ({ from: k.slice(4), to: String(v) }));

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = new URL(request.url).searchParams;
  return withAuth(request, context, async ({ client }) => {
    const versions = (await forbiddenAs403(query(client, WorkflowVersionsQuery, {}))).orderWorkflowVersions;
    const current = versions.find((v) => v.current);
    const to = Number(params.get("to")) || current?.version || 1;
    const target = versions.find((v) => v.version === to);
    const mappings = mappingsOf(params);
    const preview = (await query(client, WorkflowMigrationPreviewQuery, { input: { toVersion: to, mappings } }))
      .orderWorkflowMigrationPreview;
    return {
      to,
      versions: versions.map((v) => v.version),
      targetStatuses: (target?.definition.statuses ?? []).filter((s) => s.category === "active"),
      mappings,
      preview,
      done: Number(params.get("moved")) || null,
    };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const toVersion = Number(form.get("to"));
    const mappings = mappingsOf(form);
    const back = new URLSearchParams([["to", String(toVersion)], ...mappings.map((m) => [`map.${m.from}`, m.to])]);
    if (form.get("confirm") !== "yes") return { error: "Отметьте, что проверили список заказов." };
    const orderIds = form.getAll("orderId").map(String);
    const r = (await mutate(client, ApplyWorkflowMigrationMutation, { input: { toVersion, mappings, orderIds } }))
      .applyOrderWorkflowMigration;
    if (r.__typename === "OrderWorkflowError") return { error: r.message };
    back.set("moved", String(r.moves.length));
    return redirect(`/admin/workflow/migrate?${back}`);
  });
}

export default function AdminWorkflowMigrate({ loaderData, actionData }: Route.ComponentProps) {
  const { to, versions, targetStatuses, mappings, preview, done } = loaderData;
  const busy = useNavigation().state !== "idle";
  const chosen = (code: string) => mappings.find((m) => m.from === code)?.to ?? "";
  return (
    <div className="wf-page">
      <p>
        <Link to="/admin/workflow">← Схема заказов</Link>
      </p>
      <h1>Перевод заказов в работе на версию {to}</h1>
      <AdminNav />
      <p className="muted">
        Заказ идет по версии схемы, с которой отправлен. Здесь его можно перевести на другую версию: сначала
        предпросмотр, затем перевод одним действием. Завершенные и отмененные заказы не переводятся.
      </p>
      {done ? (
        <p className="alert alert--success" role="status">
          Переведено заказов: {done}.
        </p>
      ) : null}
      {actionData && "error" in actionData ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {preview.__typename === "OrderWorkflowError" ? (
        <p className="alert alert--error" role="alert">
          {preview.message}
        </p>
      ) : (
        <>
          <Form method="get" className="wf-form wf-form--inline">
            <label>
              Версия
              <select name="to" defaultValue={to}>
                {versions.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
            {preview.unmapped.length || mappings.length ? (
              <fieldset className="wf-section">
                <legend>Статусы, которых нет в версии {to}</legend>
                {[
                  ...new Map(
                    [...preview.unmapped, ...preview.moves.filter((m) => m.mapped).map((m) => m.from)].map((s) => [
                      s.code,
                      s,
                    ]),
                  ).values(),
                ].map((s) => (
                  <label key={s.code} className="wf-map">
                    <StatusBadge status={s} /> ({s.code}) → в статус
                    <select name={`map.${s.code}`} defaultValue={chosen(s.code)}>
                      <option value="">— выберите —</option>
                      {targetStatuses.map((t) => (
                        <option key={t.code} value={t.code}>
                          {t.label} ({t.code})
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </fieldset>
            ) : null}
            <button type="submit" className="button">
              Показать
            </button>
          </Form>
          {preview.problems.length ? (
            <ul className="alert alert--error">
              {preview.problems.map((p) => (
                <li key={p.from}>{p.message}</li>
              ))}
            </ul>
          ) : null}
          {preview.moves.length === 0 ? (
            <p>Заказов в работе по другим версиям нет.</p>
          ) : (
            <Form method="post" className="wf-form wf-apply">
              <input type="hidden" name="to" value={to} />
              {mappings.map((m) => (
                <input key={m.from} type="hidden" name={`map.${m.from}`} value={m.to} />
              ))}
              <div className="table-wrap">
                <table className="table">
                  <caption>
                    Заказы, которые перейдут на версию {to}: {preview.moves.length}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Заказ</th>
                      <th scope="col">Дилер</th>
                      <th scope="col">Версия</th>
                      <th scope="col">Статус сейчас</th>
                      <th scope="col">Статус в версии {to}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.moves.map((m) => (
                      <tr key={m.order.id}>
                        <th scope="row">
                          <input type="hidden" name="orderId" value={m.order.id} />
                          <Link to={`/staff/orders/${m.order.id}`}>№ {m.order.number}</Link>
                        </th>
                        <td>{m.order.company?.name ?? "—"}</td>
                        <td>{m.fromVersion}</td>
                        <td>
                          <StatusBadge status={m.from} />
                        </td>
                        <td>
                          {m.to ? (
                            <>
                              <StatusBadge status={m.to} />
                              {m.mapped ? " (по соответствию)" : ""}
                            </>
                          ) : (
                            <strong className="wf-missing">нужно выбрать статус</strong>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <label className="wf-check">
                <input type="checkbox" name="confirm" value="yes" required />Я проверил список: перевести эти заказы на
                версию {to}
              </label>
              <button type="submit" className="button button--primary" disabled={busy || !preview.ready}>
                Перевести заказы: {preview.moves.length}
              </button>
              {preview.ready ? null : (
                <p className="muted">Сначала выберите статус для каждого статуса, которого нет в версии {to}.</p>
              )}
            </Form>
          )}
        </>
      )}
    </div>
  );
}
