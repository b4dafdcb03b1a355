import { Form } from "react-router";
import { HistoryQuery } from "../graphql/identity";
import { ruDateToIso } from "../lib/account-form";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { query } from "../lib/gateway.server";
import { Field } from "../ui/field";
import type { Route } from "./+types/account-history";

export const meta: Route.MetaFunction = () => [{ title: "История — Кабинет дилера" }];

/** What an action code means, in Russian; unknown codes are shown as they are. */
const ACTIONS: Record<string, string> = {
  "login.succeeded": "Вход",
  "login.failed": "Неудачная попытка входа",
  "login.locked": "Вход заблокирован после неудачных попыток",
  "login.refused.pending": "Вход в неактивированный кабинет",
  "login.refused.blocked": "Вход в заблокированный кабинет",
  "session.logout_everywhere": "Выход на всех устройствах",
  "registration.submitted": "Регистрация",
  "registration.started": "Начата регистрация",
  "registration.completed": "Регистрация завершена",
  "registration.duplicate": "Повторная регистрация с тем же e-mail",
  "registration.activated": "Активация кабинета",
  "outlet.created": "Создан кабинет торговой точки",
  "email.change_requested": "Запрос смены e-mail",
  "email.changed": "E-mail изменён",
  "dealer.approved": "Менеджер подтвердил регистрацию",
  "dealer.blocked": "Дилер заблокирован",
  "dealer.unblocked": "Дилер разблокирован",
  "dealer.manager_assigned": "Назначен персональный менеджер",
  "dealer.invited": "Приглашение дилера",
  "password.changed": "Смена пароля",
  "password.reset_requested": "Запрос восстановления пароля",
  "password.reset": "Пароль восстановлен",
  "profile.updated": "Профиль изменён",
  "profile.data_change_requested": "Запрос на изменение данных",
  "company_user.added": "Добавлен пользователь",
  "company_user.rights_changed": "Изменены права пользователя",
  "company_user.detached": "Пользователь отключён",
  "api_key.created": "Создан ключ API",
  "api_key.revoked": "Отозван ключ API",
  "order.submitted": "Заказ отправлен",
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const action = url.searchParams.get("action") || null;
  const fromRu = url.searchParams.get("from") ?? "";
  const toRu = url.searchParams.get("to") ?? "";
  const from = ruDateToIso(fromRu) || null;
  const to = ruDateToIso(toRu) || null;
  const bad = {
    from: ruDateToIso(fromRu) === null ? "Дата — в формате ДД.ММ.ГГГГ" : null,
    to: ruDateToIso(toRu) === null ? "Дата — в формате ДД.ММ.ГГГГ" : null,
  };
  return withAuth(request, context, async ({ client }) => {
    const { history } = await query(client, HistoryQuery, {
      f: {
        action,
        // Whole days in Moscow time: from 00:00 of `from` to the end of `to`.
        from: from ? `${from}T00:00:00+03:00` : null,
        to: to ? `${to}T23:59:59.999+03:00` : null,
        first: 200,
      },
    });
    return { history, bad, filter: { action: action ?? "", from: fromRu, to: toRu } };
  });
}

export default function History({ loaderData }: Route.ComponentProps) {
  const { history, filter, bad } = loaderData;
  return (
    <>
      <h1>История</h1>
      <Form method="get" className="card filters">
        <div className="field">
          <label htmlFor="action">Действие</label>
          <select id="action" name="action" defaultValue={filter.action}>
            <option value="">Все</option>
            {Object.entries(ACTIONS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="from"
          label="С даты"
          placeholder="ДД.ММ.ГГГГ"
          defaultValue={filter.from}
          error={bad.from ?? undefined}
        />
        <Field
          name="to"
          label="По дату"
          placeholder="ДД.ММ.ГГГГ"
          defaultValue={filter.to}
          error={bad.to ?? undefined}
        />
        <div className="field">
          <button type="submit" className="button">
            Показать
          </button>
        </div>
      </Form>
      {history.length === 0 ? (
        <p>Записей нет.</p>
      ) : (
        <div className="table-wrap section">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Когда</th>
                <th scope="col">Кто</th>
                <th scope="col">IP</th>
                <th scope="col">Действие</th>
                <th scope="col">Объекты</th>
                <th scope="col">Уведомления</th>
              </tr>
            </thead>
            <tbody>
              {history.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.occurredAt)}</td>
                  <td>{e.actor}</td>
                  <td className="mono">{e.ip ?? "—"}</td>
                  <td>{ACTIONS[e.action] ?? e.action}</td>
                  <td>{e.objects.map((o) => o.label ?? `${o.type} ${o.id}`).join(", ") || "—"}</td>
                  <td>{e.notifications.map((n) => `${n.to}: ${n.subject}`).join("; ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
