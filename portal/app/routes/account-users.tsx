import { Form, useNavigation } from "react-router";
import {
  AddCompanyUserMutation,
  CompanyUsersQuery,
  DetachCompanyUserMutation,
  SetCompanyUserRightsMutation,
} from "../graphql/identity";
import { forbiddenAs403, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { Field, FormMessage } from "../ui/field";
import { RightsFieldset, rightLabel, STATUS_LABELS } from "../ui/rights";
import type { Route } from "./+types/account-users";

export const meta: Route.MetaFunction = () => [{ title: "Пользователи — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    return forbiddenAs403(query(client, CompanyUsersQuery, {}));
  });
}

type State = FormState & { target?: string };

export async function action({ request, context }: Route.ActionArgs): Promise<State> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const intent = text(form, "intent");
    const permissions = form.getAll("permissions").map(String);
    const dealerAdmin = form.get("dealerAdmin") === "on";
    const membershipId = text(form, "membershipId");
    if (intent === "add") {
      const email = text(form, "email");
      const r = (await mutate(client, AddCompanyUserMutation, { i: { email, permissions, dealerAdmin } }))
        .addCompanyUser;
      if (r.__typename === "CompanyUser") return { target: "add", ok: `${r.email} добавлен, письмо отправлено` };
      return { target: "add", ...stateOf(r, { email }) };
    }
    if (intent === "rights") {
      const r = (await mutate(client, SetCompanyUserRightsMutation, { i: { membershipId, permissions, dealerAdmin } }))
        .setCompanyUserRights;
      if (r.__typename === "CompanyUser") return { target: membershipId, ok: `Права ${r.email} сохранены` };
      return { target: membershipId, ...stateOf(r) };
    }
    const r = await mutate(client, DetachCompanyUserMutation, { i: { membershipId } });
    return { target: membershipId, ...stateOf(r.detachCompanyUser) };
  });
}

export default function AccountUsers({ loaderData, actionData }: Route.ComponentProps) {
  const { companyUsers, rights, viewer } = loaderData;
  const mine = viewer?.permissions ?? [];
  const busy = useNavigation().state !== "idle";
  const s: State = actionData ?? {};
  const add = s.target === "add" ? s : {};
  return (
    <>
      <h1>Пользователи и права</h1>
      {s.target && s.target !== "add" ? <FormMessage error={s.error} ok={s.ok} /> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Пользователь</th>
              <th scope="col">Статус</th>
              <th scope="col">Права</th>
              <th scope="col">Действия</th>
            </tr>
          </thead>
          <tbody>
            {companyUsers.map((u) => (
              <tr key={u.id}>
                <td>
                  <strong>{u.fullName}</strong>
                  <br />
                  {u.email}
                  <br />
                  <span className="muted">
                    {u.role === "dealer_admin" ? "администратор" : "пользователь"} · с {formatDateTime(u.createdAt)}
                  </span>
                </td>
                <td>{STATUS_LABELS[u.status] ?? u.status}</td>
                <td>
                  <details>
                    <summary>
                      {u.permissions.length === 0
                        ? "нет прав"
                        : u.permissions.map((p) => rightLabel(rights, p)).join("; ")}
                    </summary>
                    <Form method="post">
                      <input type="hidden" name="intent" value="rights" />
                      <input type="hidden" name="membershipId" value={u.id} />
                      <RightsFieldset
                        legend={`Права ${u.email}`}
                        rights={rights}
                        grantable={mine}
                        checked={u.permissions}
                        idPrefix={`rights-${u.id}`}
                        error={s.target === u.id ? s.fields?.permissions : undefined}
                      />
                      <label>
                        <input type="checkbox" name="dealerAdmin" defaultChecked={u.role === "dealer_admin"} />{" "}
                        Администратор дилера
                      </label>
                      <div>
                        <button type="submit" className="button" disabled={busy}>
                          Сохранить права
                        </button>
                      </div>
                    </Form>
                  </details>
                </td>
                <td>
                  {u.email === viewer?.user.email ? null : (
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="intent" value="detach" />
                      <input type="hidden" name="membershipId" value={u.id} />
                      <button type="submit" className="button button--danger" disabled={busy}>
                        Отключить
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="section" aria-labelledby="add-user-title">
        <h2 id="add-user-title">Добавить пользователя</h2>
        <Form method="post" className="card" noValidate>
          <input type="hidden" name="intent" value="add" />
          <Field
            name="email"
            id="add-email"
            label="E-mail"
            type="email"
            hint="Если у адреса ещё нет входа, мы пришлём логин и временный пароль"
            defaultValue={add.values?.email}
            error={add.fields?.email}
          />
          <RightsFieldset
            legend="Права"
            rights={rights}
            grantable={mine}
            checked={[]}
            idPrefix="add-rights"
            error={add.fields?.permissions}
          />
          <div className="field">
            <label>
              <input type="checkbox" name="dealerAdmin" /> Администратор дилера (управляет пользователями)
            </label>
          </div>
          <FormMessage error={add.fields && Object.keys(add.fields).length > 0 ? null : add.error} ok={add.ok} />
          <button type="submit" className="button button--primary" disabled={busy}>
            Добавить
          </button>
        </Form>
      </section>
    </>
  );
}
