import { Link } from "react-router";
import { InfoPagesQuery } from "../graphql/content";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/info";
import "../ui/content.css";

export const meta: Route.MetaFunction = () => [{ title: "Полезная информация" }];

/** `/info`: the tenant's useful-information pages (dealers see published ones). */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => query(client, InfoPagesQuery, {}));
}

export default function Info({ loaderData }: Route.ComponentProps) {
  const pages = loaderData.infoPages.filter((p) => p.published);
  return (
    <>
      <h1>Полезная информация</h1>
      {pages.length === 0 ? (
        <p>Здесь пока ничего нет.</p>
      ) : (
        <ul className="info-list">
          {pages.map((p) => (
            <li key={p.id}>
              <Link to={`/info/${p.slug}`}>{p.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
