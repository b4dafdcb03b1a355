import { Link } from "react-router";
import { WorkflowVersionsQuery } from "../graphql/workflow-admin";
import { forbiddenAs403 } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { query } from "../lib/gateway.server";
import { layoutWorkflow } from "../lib/workflow-diagram.server";
import { AdminNav } from "../ui/admin-nav";
import { WorkflowDiagram } from "../ui/workflow-diagram";
import "../ui/workflow-admin.css";
import type { Route } from "./+types/admin-workflow-versions";

export const meta: Route.MetaFunction = () => [{ title: "Версии схемы заказов — Администрирование" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const asked = Number(new URL(request.url).searchParams.get("version")) || null;
  return withAuth(request, context, async ({ client }) => {
    const versions = (await forbiddenAs403(query(client, WorkflowVersionsQuery, {}))).orderWorkflowVersions;
    const shown = versions.find((v) => v.version === asked) ?? versions[0];
    return {
      versions: versions.map(({ definition, ...v }) => ({ ...v, statuses: definition.statuses.length })),
      shown: shown ? { version: shown.version, diagram: await layoutWorkflow(shown.definition, []) } : null,
    };
  });
}

export default function AdminWorkflowVersions({ loaderData }: Route.ComponentProps) {
  const { versions, shown } = loaderData;
  const current = versions.find((v) => v.current);
  return (
    <div className="wf-page">
      <p>
        <Link to="/admin/workflow">← Схема заказов</Link>
      </p>
      <h1>Версии схемы заказов</h1>
      <AdminNav />
      <p className="muted">
        Каждое сохранение — новая версия. Заказ идет по версии, с которой он отправлен, пока администратор не переведет
        его на другую.
      </p>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Версии схемы заказов, новые сверху</caption>
          <thead>
            <tr>
              <th scope="col">Версия</th>
              <th scope="col">Сохранена</th>
              <th scope="col">Автор</th>
              <th scope="col">Комментарий</th>
              <th scope="col" className="num">
                Заказов в работе
              </th>
              <th scope="col">Действия</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} aria-current={shown?.version === v.version ? "true" : undefined}>
                <th scope="row">
                  {v.version}
                  {v.current ? " (действует)" : ""}
                </th>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>{v.author?.fullName ?? "описание поставщика"}</td>
                <td>{v.comment ?? "—"}</td>
                <td className="num">{v.inFlightOrders}</td>
                <td className="row-actions">
                  <Link to={`?version=${v.version}`}>Схема версии {v.version}</Link>
                  {!v.current && v.inFlightOrders > 0 && current ? (
                    <Link to={`/admin/workflow/migrate?to=${current.version}`}>
                      Перевести заказы на версию {current.version}
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown ? (
        <section aria-labelledby="wf-version-heading" className="wf-diagram-box">
          <h2 id="wf-version-heading">Схема версии {shown.version}</h2>
          <div className="wf-diagram-scroll">
            <WorkflowDiagram diagram={shown.diagram} title={`Схема заказов, версия ${shown.version}`} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
