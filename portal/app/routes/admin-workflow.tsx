import { Form, Link, redirect, useNavigation } from "react-router";
import {
  SaveWorkflowMutation,
  type WorkflowDef,
  type WorkflowProblem,
  WorkflowProblemsQuery,
  WorkflowVersionsQuery,
} from "../graphql/workflow-admin";
import { forbiddenAs403 } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { layoutWorkflow } from "../lib/workflow-diagram.server";
import { applyIntent, definitionFromForm } from "../lib/workflow-form";
import { AdminNav } from "../ui/admin-nav";
import { WorkflowDiagram } from "../ui/workflow-diagram";
import { WorkflowEditor } from "../ui/workflow-editor";
import "../ui/workflow-admin.css";
import type { Route } from "./+types/admin-workflow";

export const meta: Route.MetaFunction = () => [{ title: "Схема заказов — Администрирование" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  return withAuth(request, context, async ({ client }) => {
    const versions = (await forbiddenAs403(query(client, WorkflowVersionsQuery, {}))).orderWorkflowVersions;
    const current = versions.find((v) => v.current);
    if (!current) throw new Response("Схема заказов не настроена", { status: 404 });
    const saved = Number(url.searchParams.get("saved")) || null;
    const waiting = versions.filter((v) => !v.current && v.inFlightOrders > 0);
    return {
      current: {
        version: current.version,
        createdAt: current.createdAt,
        author: current.author,
        comment: current.comment,
      },
      definition: current.definition,
      diagram: await layoutWorkflow(current.definition, []),
      saved,
      waiting: waiting.reduce((n, v) => n + v.inFlightOrders, 0),
    };
  });
}

interface Edit {
  definition: WorkflowDef;
  problems: WorkflowProblem[];
  diagram: Awaited<ReturnType<typeof layoutWorkflow>>;
  message: { ok?: string; error?: string };
  comment: string;
  revision: number;
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async ({ client }): Promise<Edit | Response> => {
    const form = await request.formData();
    const intent = String(form.get("intent") ?? "check");
    const comment = String(form.get("comment") ?? "");
    const revision = Number(form.get("revision") ?? 0) + 1;
    const edited = definitionFromForm(form);
    if (intent === "save") {
      const r = (await forbiddenAs403(mutate(client, SaveWorkflowMutation, { input: { definition: edited, comment } })))
        .saveOrderWorkflow;
      if (r.__typename === "OrderWorkflowVersion") return redirect(`/admin/workflow?saved=${r.version}`);
      const problems = r.problems;
      const diagram = await layoutWorkflow(edited, problems);
      return { definition: edited, problems, diagram, message: { error: r.message }, comment, revision };
    }
    if (intent !== "check") {
      const definition = applyIntent(edited, intent);
      const diagram = await layoutWorkflow(definition, []);
      return { definition, problems: [], diagram, message: {}, comment, revision };
    }
    const problems = (await forbiddenAs403(query(client, WorkflowProblemsQuery, { definition: edited })))
      .orderWorkflowProblems;
    const diagram = await layoutWorkflow(edited, problems);
    const message = problems.length
      ? { error: `Найдено ошибок: ${problems.length}. Они отмечены на схеме и у полей.` }
      : { ok: "Ошибок нет: схему можно сохранить." };
    return { definition: edited, problems, diagram, message, comment, revision };
  });
}

export default function AdminWorkflow({ loaderData, actionData }: Route.ComponentProps) {
  const edit = actionData as Edit | undefined;
  const { current, saved, waiting } = loaderData;
  const definition = edit?.definition ?? loaderData.definition;
  const diagram = edit?.diagram ?? loaderData.diagram;
  const problems = edit?.problems ?? [];
  const busy = useNavigation().state !== "idle";
  return (
    <div className="wf-page">
      <h1>Схема заказов</h1>
      <AdminNav />
      <p>
        Действует версия {current.version} от {formatDateTime(current.createdAt)}
        {current.author ? `, ${current.author.fullName}` : ", из описания поставщика"}
        {current.comment ? ` — «${current.comment}»` : ""}. Новые заказы идут по ней; отправленные — по своей версии.{" "}
        <Link to="/admin/workflow/versions">Версии схемы</Link>
      </p>
      {saved ? (
        <p className="alert alert--success" role="status">
          Сохранена версия {saved}.
        </p>
      ) : null}
      {waiting > 0 ? (
        <p className="alert" role="status">
          Заказов в работе по прежним версиям: {waiting}.{" "}
          <Link to="/admin/workflow/migrate">Перевести их на версию {current.version}</Link>
        </p>
      ) : null}

      <section aria-labelledby="wf-diagram-heading" className="wf-diagram-box">
        <h2 id="wf-diagram-heading">{edit ? "Схема с правками (не сохранена)" : "Схема"}</h2>
        <div className="wf-diagram-scroll">
          <WorkflowDiagram
            diagram={diagram}
            title={`Схема заказов: статусов ${definition.statuses.length}, переходов ${definition.transitions.length}${problems.length ? `, ошибок ${problems.length}` : ""}`}
          />
        </div>
        <p className="muted wf-legend">
          Рамка в два контура — завершающий статус; пунктир — переход системы по событию; красным — ошибка, номер —
          пункт списка ниже.
        </p>
        {problems.length ? (
          <div className="alert alert--error" role="alert">
            <h3>Ошибки схемы</h3>
            <ol className="wf-problems">
              {problems
                .map((p, k) => ({ ...p, n: k + 1 }))
                .map((p) => (
                  <li key={p.n} value={p.n}>
                    {p.message}
                  </li>
                ))}
            </ol>
          </div>
        ) : null}
      </section>

      <Form method="post" className="wf-form" key={edit?.revision ?? "loaded"}>
        <input type="hidden" name="revision" value={edit?.revision ?? 0} />
        <div className="wf-toolbar">
          <button type="submit" name="intent" value="check" className="button" disabled={busy}>
            Проверить
          </button>
          <label>
            Комментарий к версии
            <input name="comment" defaultValue={edit?.comment ?? ""} size={40} maxLength={500} />
          </label>
          <button type="submit" name="intent" value="save" className="button button--primary" disabled={busy}>
            Сохранить новую версию
          </button>
          {edit?.message.ok ? (
            <p className="wf-message wf-message--ok" role="status">
              {edit.message.ok}
            </p>
          ) : null}
          {edit?.message.error ? (
            <p className="wf-message wf-message--error" role="alert">
              {edit.message.error}
            </p>
          ) : null}
        </div>
        <WorkflowEditor definition={definition} problems={problems} />
      </Form>
    </div>
  );
}
