import { Form, useNavigation } from "react-router";
import { text } from "../lib/account.server";
import { withAuth } from "../lib/auth.server";
import { documentsFromForm } from "../lib/tenant-admin";
import { type AdminFormState, loadConfiguration, saveDefinition } from "../lib/tenant-admin.server";
import { AdminNav } from "../ui/admin-nav";
import { Field, FormMessage } from "../ui/field";
import type { Route } from "./+types/admin-documents";

export const meta: Route.MetaFunction = () => [{ title: "Документы — Настройки поставщика" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => loadConfiguration(client));
}

export async function action({ request, context }: Route.ActionArgs): Promise<AdminFormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const { definition } = await loadConfiguration(client);
    const r = await saveDefinition(client, documentsFromForm(definition, form), { comment: text(form, "comment") });
    // documentTypes.<i>.<field>…: shown at the document's own fields.
    const problems: Record<string, string> = {};
    for (const [path, message] of Object.entries(r.problems ?? {})) {
      const [, i, field] = /^documentTypes\.(\d+)\.(\w+)/.exec(path) ?? [];
      const doc = i === undefined ? undefined : definition.documentTypes[Number(i)];
      problems[doc ? `${doc.code}.${field}` : path] = message;
    }
    return { ...r, problems };
  });
}

const FORMATS: Record<string, string> = { pdf: "PDF", xlsx: "Excel", html: "HTML" };

/** Which documents the dealer gets and at which statuses of the current order workflow. */
export default function AdminDocuments({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const { definition, statuses, version } = loaderData;
  const s: AdminFormState = actionData ?? {};
  const p = s.problems ?? {};
  return (
    <div className="page--narrow">
      <h1>Настройки поставщика</h1>
      <AdminNav />
      <p className="muted">
        Документы дилера и статусы заказа, в которых каждый из них доступен. Статусы — из текущей схемы заказов.
      </p>
      <Form method="post" className="card section" noValidate key={version}>
        <FormMessage error={s.error} ok={s.ok} />
        {definition.documentTypes.length === 0 ? <p>Документы не настроены.</p> : null}
        {definition.documentTypes.map((doc) => (
          <fieldset className="admin-fieldset" key={doc.code}>
            <legend>
              {doc.label} <span className="muted">({doc.formats.map((f) => FORMATS[f] ?? f).join(", ")})</span>
            </legend>
            <Field
              name={`${doc.code}.label`}
              label="Название"
              defaultValue={doc.label}
              error={p[`${doc.code}.label`]}
            />
            <fieldset className={`checks checks--inline${p[`${doc.code}.availableAt`] ? " field--invalid" : ""}`}>
              <legend>Доступен в статусах</legend>
              {statuses.map((st) => (
                <label key={st.code}>
                  <input
                    type="checkbox"
                    name={`${doc.code}.availableAt`}
                    value={st.code}
                    defaultChecked={doc.availableAt.includes(st.code)}
                  />
                  <span className="swatch" style={{ background: st.color }} aria-hidden="true" /> {st.label}
                </label>
              ))}
              {p[`${doc.code}.availableAt`] ? (
                <span className="field__error" role="alert">
                  {p[`${doc.code}.availableAt`]}
                </span>
              ) : null}
            </fieldset>
          </fieldset>
        ))}
        <Field name="comment" label="Комментарий к версии (необязательно)" />
        <button type="submit" className="button button--primary" disabled={busy}>
          Сохранить новую версию
        </button>
      </Form>
    </div>
  );
}
