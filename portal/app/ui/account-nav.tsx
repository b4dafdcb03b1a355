import "./account.css";
import { Form, NavLink } from "react-router";
import type { Viewer } from "../graphql/auth";

const STAFF = new Set(["manager", "tenant_admin", "platform_admin"]);
export const isStaff = (v: Pick<Viewer, "roles">) => v.roles.some((r) => STAFF.has(r));

/** The account and staff sections of the nav: only what the viewer may use. */
export function AccountNavLinks({ viewer }: { viewer: Viewer }) {
  const staff = isStaff(viewer);
  const mode = viewer.tenant.registrationMode;
  return (
    <>
      {viewer.roles.includes("dealer_admin") ? <NavLink to="/account/users">Пользователи</NavLink> : null}
      {viewer.company && viewer.permissions.includes("api_keys.manage") ? (
        <NavLink to="/account/api-keys">Ключи API</NavLink>
      ) : null}
      {viewer.company && (viewer.roles.includes("dealer_admin") || viewer.permissions.includes("api_keys.manage")) ? (
        <NavLink to="/account/webhooks">Вебхуки</NavLink>
      ) : null}
      {staff ? <NavLink to="/staff/orders">Заказы дилеров</NavLink> : null}
      {staff ? <NavLink to="/staff/approvals">Заявки дилеров</NavLink> : null}
      {staff && viewer.tenant.feedbackTickets ? <NavLink to="/staff/tickets">Обратная связь</NavLink> : null}
      {viewer.company && viewer.tenant.feedbackTickets ? <NavLink to="/support">Обратная связь</NavLink> : null}
      {staff ? <NavLink to="/staff/catalog-import">Импорт каталога</NavLink> : null}
      {staff && viewer.tenant.presentationsEnabled ? <NavLink to="/staff/presentations">Презентации</NavLink> : null}
      {staff ? <NavLink to="/staff/promotions">Акции</NavLink> : null}
      {staff ? <NavLink to="/staff/content">Полезная информация</NavLink> : null}
      {staff && mode === "manager_invitation" ? <NavLink to="/staff/invitations">Приглашения</NavLink> : null}
      {staff && mode === "staff_created" ? <NavLink to="/staff/outlets">Торговые точки</NavLink> : null}
      {viewer.roles.includes("tenant_admin") ? <NavLink to="/admin">Настройки</NavLink> : null}
      {viewer.roles.includes("platform_admin") ? <NavLink to="/platform/tenants">Поставщики</NavLink> : null}
      {viewer.company || staff ? <NavLink to="/account/history">История</NavLink> : null}
      <NavLink to="/profile">Профиль</NavLink>
    </>
  );
}

/** The header's counterparty switcher, for a dealer who may act for several legal entities. */
export function CounterpartySwitch({ viewer }: { viewer: Viewer }) {
  if (viewer.counterparties.length < 2) {
    const name = viewer.counterparty?.name;
    return name && name !== viewer.company?.name ? <span className="app-header__company">{name}</span> : null;
  }
  return (
    <Form method="post" action="/select-counterparty" className="counterparty-switch">
      <label htmlFor="counterparty-switch">Контрагент</label>
      <select
        id="counterparty-switch"
        name="counterparty"
        defaultValue={viewer.counterparty?.id ?? ""}
        key={viewer.counterparty?.id ?? ""}
      >
        {viewer.counterparties.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} (ИНН {c.inn})
          </option>
        ))}
      </select>
      <button type="submit" className="button button--on-brand">
        Выбрать
      </button>
    </Form>
  );
}

/** Shown on every page while a registered cabinet waits for the manager's approval. */
export function ViewOnlyBanner({ viewer }: { viewer: Viewer }) {
  if (viewer.status !== "view_only") return null;
  return (
    <p className="banner" role="status">
      Кабинет работает в режиме просмотра: менеджер ещё не подтвердил регистрацию. Каталог и цены доступны, отправка
      заказов — после подтверждения.
    </p>
  );
}
