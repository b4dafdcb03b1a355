import { Link } from "react-router";
import { InfoPageQuery } from "../graphql/content";
import { withAuth } from "../lib/auth.server";
import { formatDateTime } from "../lib/format";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/info-page";
import "../ui/content.css";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.page.title ?? "Страница"} — Полезная информация` },
];

/** `/info/:slug`: one page, rendered and sanitized by the catalog subgraph. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { infoPage } = await query(client, InfoPageQuery, { slug: params.slug });
    if (!infoPage) throw new Response("Страница не найдена", { status: 404 });
    return { page: infoPage };
  });
}

export default function InfoPageView({ loaderData }: Route.ComponentProps) {
  const { page } = loaderData;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Навигация">
        <Link to="/info">Полезная информация</Link>
      </nav>
      <article className="info-article">
        <h1>{page.title}</h1>
        <div
          className="prose"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by the catalog subgraph (sanitize-html allow-list)
          dangerouslySetInnerHTML={{ __html: page.html }}
        />
        <p className="info-article__updated">Обновлено {formatDateTime(page.updatedAt)}</p>
      </article>
    </>
  );
}
