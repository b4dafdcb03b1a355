import { Link } from "react-router";
import { PromotionsQuery } from "../graphql/catalog";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/promotions";
import "./catalog.css";

export const meta: Route.MetaFunction = () => [{ title: "Акции — Кабинет дилера" }];

const TABS = [
  { key: "all", label: "Все акции", audience: null },
  { key: "individual", label: "Индивидуальные акции", audience: "INDIVIDUAL" },
] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const tab = new URL(request.url).searchParams.get("tab") === "individual" ? TABS[1] : TABS[0];
    const { promotions } = await query(client, PromotionsQuery, { audience: tab.audience });
    return { tab: tab.key, promotions };
  });
}

const date = new Intl.DateTimeFormat("ru-RU", { dateStyle: "long", timeZone: "UTC" });
const day = (d: string) => date.format(new Date(`${d}T00:00:00Z`));

export default function Promotions({ loaderData }: Route.ComponentProps) {
  const { tab, promotions } = loaderData;
  return (
    <>
      <h1>Акции</h1>
      <nav className="tabs" aria-label="Акции">
        {TABS.map((t) => (
          <Link
            key={t.key}
            to={t.key === "all" ? "/promotions" : `/promotions?tab=${t.key}`}
            className={t.key === tab ? "tabs__tab tabs__tab--active" : "tabs__tab"}
            aria-current={t.key === tab ? "page" : undefined}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <p>
        {tab === "all"
          ? "Акции, которые действуют сейчас: для партнёров и для конечных покупателей."
          : "Акции, которые проходят только с вашей компанией."}
      </p>
      {promotions.length === 0 ? (
        <p>Сейчас акций нет.</p>
      ) : (
        <ul className="promotions">
          {promotions.map((p) => (
            <li key={p.id} className="promotion">
              <article aria-labelledby={`promo-${p.id}`}>
                {p.imageUrl ? <img className="promotion__image" src={p.imageUrl} alt="" /> : null}
                <div className="promotion__body">
                  <h2 id={`promo-${p.id}`}>{p.title}</h2>
                  <p className="promotion__period">
                    {p.validUntil ? `${day(p.validFrom)} — ${day(p.validUntil)}` : `с ${day(p.validFrom)}`}
                    {p.audience === "INDIVIDUAL" ? " · индивидуальная" : ""}
                  </p>
                  {p.text.split(/\n\s*\n/).map((para) => (
                    <p key={para}>{para}</p>
                  ))}
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
