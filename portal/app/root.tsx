import type { CSSProperties, ReactNode } from "react";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import type { loader as appLoader } from "./routes/app-layout";

export const meta: Route.MetaFunction = () => [{ title: "Кабинет дилера" }];

export const links: Route.LinksFunction = () => [{ rel: "icon", href: "/favicon.svg", type: "image/svg+xml" }];

/** The brand colours of the current tenant (logged-in pages) as CSS variables on <html>. */
function useThemeStyle(): CSSProperties | undefined {
  const app = useRouteLoaderData<typeof appLoader>("app");
  const b = app?.viewer.tenant.branding;
  if (!b) return undefined;
  return {
    "--brand-primary": b.primary,
    "--brand-on-primary": b.onPrimary,
    "--brand-accent": b.accent,
  } as CSSProperties;
}

export function Layout({ children }: { children: ReactNode }) {
  const style = useThemeStyle();
  return (
    <html lang="ru" style={style}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  let title = "Что-то пошло не так";
  let details = "Произошла ошибка. Попробуйте обновить страницу или вернуться позже.";
  let stack: string | undefined;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Страница не найдена";
      details = "Такой страницы нет или она недоступна.";
    } else if (error.status === 403) {
      title = "Нет доступа";
      details = "У вас нет прав на эту страницу.";
    } else {
      title = `Ошибка ${error.status}`;
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    stack = error.stack;
  }
  return (
    <main className="page page--narrow">
      <h1>{title}</h1>
      <p>{details}</p>
      <p>
        <a href="/">На главную</a>
      </p>
      {stack ? (
        <pre className="stack">
          <code>{stack}</code>
        </pre>
      ) : null}
    </main>
  );
}
