import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { loadConfiguration } from "../lib/tenant-admin.server";
import { AdminNav } from "../ui/admin-nav";
import type { Route } from "./+types/admin-versions";

export const meta: Route.MetaFunction = () => [{ title: "История версий — Настройки поставщика" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { versions } = await loadConfiguration(client);
    return { versions };
  });
}

/** Every saved version: who, when, the comment and what changed from the one before. */
export default function AdminVersions({ loaderData }: Route.ComponentProps) {
  const { versions } = loaderData;
  return (
    <div className="page--narrow">
      <h1>Настройки поставщика</h1>
      <AdminNav />
      {versions.length === 0 ? (
        <p>Конфигурация ещё не менялась: действует исходная, с которой поставщик подключён.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Версии конфигурации</caption>
            <thead>
              <tr>
                <th scope="col">Версия</th>
                <th scope="col">Когда</th>
                <th scope="col">Кто</th>
                <th scope="col">Что изменилось</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v, i) => (
                <tr key={v.version}>
                  <td className="num">
                    {v.version}
                    {i === 0 ? <div className="muted">текущая</div> : null}
                  </td>
                  <td>{formatDateTime(v.createdAt)}</td>
                  <td>{v.author ?? "платформа"}</td>
                  <td>
                    {v.comment ? <p>{v.comment}</p> : null}
                    {v.changes.length > 0 ? (
                      <ul className="changes">
                        {v.changes.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
