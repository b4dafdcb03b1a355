import { Link, Outlet } from "react-router";
import type { Route } from "./+types/dev-mail";

export const meta: Route.MetaFunction = () => [{ title: "Почта (разработка) — Кабинет дилера" }];

/** Only with DEV_MAILBOX: the e-mails the platform "sent", for development and demos. */
export async function loader({ context }: Route.LoaderArgs) {
  if (!context.devMailbox) throw new Response("Не найдено", { status: 404 });
  return null;
}

export default function DevMail() {
  return (
    <>
      <header className="app-header app-header--plain">
        <div className="app-header__brand">
          <span className="app-header__tenant">Почтовый ящик разработчика</span>
        </div>
        <nav className="app-nav" aria-label="Разделы">
          <Link to="/dev/mail">Все письма</Link>
          <Link to="/">В кабинет</Link>
        </nav>
      </header>
      <main id="main" className="page">
        <Outlet />
      </main>
    </>
  );
}
