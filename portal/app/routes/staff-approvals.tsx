import { Form, useNavigation } from "react-router";
import { AssignManagerMutation, DealerApprovalsQuery, SetDealerStatusMutation } from "../graphql/identity";
import { forbiddenAs403, stateOf, text } from "../lib/account.server";
import { type FormState } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { FormMessage } from "../ui/field";
import { STATUS_LABELS } from "../ui/rights";
import type { Route } from "./+types/staff-approvals";

export const meta: Route.MetaFunction = () => [{ title: "Заявки дилеров — Кабинет поставщика" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, ({ client }) => forbiddenAs403(query(client, DealerApprovalsQuery, {})));
}

const DONE = { approve: "подтверждён", block: "заблокирован", unblock: "разблокирован" } as const;

export async function action({ request, context }: Route.ActionArgs): Promise<FormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const id = text(form, "membershipId");
    const intent = text(form, "intent");
    if (intent === "assign") {
      const r = (await mutate(client, AssignManagerMutation, { id, manager: text(form, "managerUserId") }))
        .assignManager;
      return r.__typename === "CompanyUser"
        ? { ok: `${r.email}: назначен менеджер ${r.manager?.fullName}` }
        : stateOf(r);
    }
    if (intent !== "approve" && intent !== "block" && intent !== "unblock") return { error: "Неизвестное действие" };
    const r = (await mutate(client, SetDealerStatusMutation, { id, action: intent })).setDealerStatus;
    return r.__typename === "CompanyUser" ? { ok: `${r.company?.name ?? r.email} ${DONE[intent]}` } : stateOf(r);
  });
}

export default function StaffApprovals({ loaderData, actionData }: Route.ComponentProps) {
  const { dealerApprovals, viewer } = loaderData;
  const busy = useNavigation().state !== "idle";
  const s: FormState = actionData ?? {};
  return (
    <>
      <h1>Заявки дилеров</h1>
      <p>Новые регистрации ждут подтверждения; здесь же заблокированные дилеры. Показаны ваши дилеры и общий пул.</p>
      <FormMessage ok={s.ok} error={s.error} />
      {dealerApprovals.length === 0 ? (
        <p>Заявок нет.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Дилер</th>
                <th scope="col">Пользователь</th>
                <th scope="col">Состояние</th>
                <th scope="col">Менеджер</th>
                <th scope="col">Действия</th>
              </tr>
            </thead>
            <tbody>
              {dealerApprovals.map((d) => (
                <tr key={d.id}>
                  <td>
                    <strong>{d.company?.name ?? "—"}</strong>
                    <br />
                    <span className="muted">с {formatDateTime(d.createdAt)}</span>
                  </td>
                  <td>
                    {d.fullName}
                    <br />
                    {d.email}
                  </td>
                  <td>{STATUS_LABELS[d.status] ?? d.status}</td>
                  <td>
                    {d.manager?.fullName ?? "не назначен"}
                    {viewer && d.manager?.id !== viewer.user.id ? (
                      <Form method="post" className="row-actions">
                        <input type="hidden" name="intent" value="assign" />
                        <input type="hidden" name="membershipId" value={d.id} />
                        <input type="hidden" name="managerUserId" value={viewer.user.id} />
                        <button type="submit" className="button" disabled={busy}>
                          Назначить меня
                        </button>
                      </Form>
                    ) : null}
                  </td>
                  <td>
                    <Form method="post" className="row-actions">
                      <input type="hidden" name="membershipId" value={d.id} />
                      {d.status === "view_only" ? (
                        <button type="submit" name="intent" value="approve" className="button button--primary">
                          Подтвердить {d.company?.name ?? d.email}
                        </button>
                      ) : null}
                      {d.status === "blocked" ? (
                        <button type="submit" name="intent" value="unblock" className="button">
                          Разблокировать
                        </button>
                      ) : (
                        <button type="submit" name="intent" value="block" className="button button--danger">
                          Заблокировать
                        </button>
                      )}
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
