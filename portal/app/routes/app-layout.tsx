import { data, Form, NavLink, Outlet, redirect } from "react-router";
import { ViewerQuery } from "../graphql/auth";
import { DraftSwitcherQuery } from "../graphql/checkout";
import { ActiveBannerQuery } from "../graphql/content";
import { commitSession, withAuth } from "../lib/auth.server";
import { svgDataUrl } from "../lib/format";
import { query } from "../lib/gateway.server";
import { followApproval } from "../lib/view-only.server";
import { AccountNavLinks, CounterpartySwitch, ViewOnlyBanner } from "../ui/account-nav";
import { DraftSwitch } from "../ui/draft-switch";
import type { Route } from "./+types/app-layout";
import "../ui/content.css";

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async (auth) => {
    const { session, client } = auth;
    // The maintenance banner (catalog) is read alongside the viewer, so it adds no wait of its own.
    const [{ viewer }, { activeMaintenanceBanner: banner }] = await Promise.all([
      query(client, ViewerQuery, {}),
      query(client, ActiveBannerQuery, {}),
    ]);
    if (!viewer) throw new Response("Нет доступа", { status: 403 });
    const approvalCookie = await followApproval(request, context, auth, viewer);
    // A generated password (invitation, outlet cabinet) is changed before anything else.
    if (viewer.mustChangePassword && new URL(request.url).pathname !== "/account/password") {
      throw redirect("/account/password");
    }
    // Dealers of a tenant with several drafts switch the active one from the header.
    const switcher = viewer.company ? (await query(client, DraftSwitcherQuery, {})).draftSwitcher : null;
    const notice = session.get("notice") ?? null;
    const headers = new Headers();
    if (notice) headers.append("Set-Cookie", await commitSession(session, context));
    else if (approvalCookie) headers.append("Set-Cookie", approvalCookie);
    return data(
      {
        viewer,
        notice,
        banner,
        activeDraftId: session.get("activeDraftId") ?? null,
        drafts: switcher?.multipleDrafts ? { active: switcher.active, drafts: switcher.drafts } : null,
        devMailbox: context.devMailbox !== null,
      },
      { headers },
    );
  });
}

export default function AppLayout({ loaderData }: Route.ComponentProps) {
  const { viewer, notice, banner, activeDraftId, drafts, devMailbox } = loaderData;
  const brands = [...new Map(viewer.memberships.map((m) => [m.tenant.slug, m.tenant])).values()];
  return (
    <>
      <a className="skip-link" href="#main">
        К содержимому
      </a>
      <header className="app-header">
        <div className="app-header__top">
          <div className="app-header__brand">
            <img className="app-header__logo" src={svgDataUrl(viewer.tenant.branding.logoSvg)} alt="" />
            <span className="app-header__tenant">{viewer.tenant.name}</span>
          </div>
          <div className="app-header__end">
            {brands.length > 1 ? (
              <Form method="post" action="/switch-tenant" className="brand-switch">
                <label htmlFor="brand-switch">Бренд</label>
                <select id="brand-switch" name="tenant" defaultValue={viewer.tenant.slug} key={viewer.tenant.slug}>
                  {brands.map((t) => (
                    <option key={t.slug} value={t.slug}>
                      {t.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--on-brand">
                  Перейти
                </button>
              </Form>
            ) : null}
            <div className="app-header__user">
              <span className="app-header__name">{viewer.user.fullName}</span>
              {viewer.company ? <span className="app-header__company">{viewer.company.name}</span> : null}
            </div>
            {drafts ? <DraftSwitch active={drafts.active} drafts={drafts.drafts} /> : null}
            <CounterpartySwitch viewer={viewer} />
            <Form method="post" action="/logout">
              <button type="submit" className="button button--on-brand">
                Выйти
              </button>
            </Form>
          </div>
        </div>
        {viewer.mustChangePassword ? null : (
          <nav className="app-nav" aria-label="Разделы">
            <NavLink to="/catalog">Каталог</NavLink>
            {activeDraftId ? <NavLink to={`/drafts/${activeDraftId}`}>Черновик</NavLink> : null}
            <NavLink to="/orders">Заказы</NavLink>
            {viewer.company ? <NavLink to="/discounts">Скидки</NavLink> : null}
            {viewer.company ? <NavLink to="/info">Полезная информация</NavLink> : null}
            {viewer.company && viewer.tenant.presentationsEnabled ? (
              <NavLink to="/presentations">Презентации</NavLink>
            ) : null}
            {viewer.company && viewer.tenant.distributorNetwork && viewer.permissions.includes("stock.view") ? (
              <NavLink to="/distributor">Склады дистрибьютора</NavLink>
            ) : null}
            {viewer.company ? (
              <NavLink to="/reports/orders">Отчеты</NavLink>
            ) : (
              <NavLink to="/shipments">Отгрузки</NavLink>
            )}
            {viewer.company && viewer.permissions.includes("finance.view") ? (
              <NavLink to="/finance">Финансы</NavLink>
            ) : null}
            <AccountNavLinks viewer={viewer} />
            {devMailbox ? <NavLink to="/dev/mail">Почта (dev)</NavLink> : null}
          </nav>
        )}
        {banner ? (
          <p className={`maintenance-banner maintenance-banner--${banner.level.toLowerCase()}`} role="status">
            {banner.text}
          </p>
        ) : null}
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <ViewOnlyBanner viewer={viewer} />
        {notice ? (
          <p className="alert alert--success" role="status">
            {notice}
          </p>
        ) : null}
        <Outlet />
      </main>
    </>
  );
}
