import { useEffect, useState } from "react";
import {
  data,
  Form,
  Link,
  type ShouldRevalidateFunctionArgs,
  useFetcher,
  useNavigation,
  useRouteLoaderData,
} from "react-router";
import {
  CatalogNavigationQuery,
  type CatalogProduct,
  CatalogSearchQuery,
  type PageInfo,
  PromotionsQuery,
} from "../graphql/catalog";
import { commitSession, withAuth } from "../lib/auth.server";
import { addToActiveDraft } from "../lib/drafts.server";
import { formatMoney } from "../lib/format";
import { query } from "../lib/gateway.server";
import { orderErrorText } from "../lib/order-errors";
import type { Route } from "./+types/catalog";
import type { loader as appLoader } from "./app-layout";
import { groupLabel, NavTree, ProductRow } from "./catalog-parts";
import "./catalog.css";

export const meta: Route.MetaFunction = () => [{ title: "Каталог — Кабинет дилера" }];

const MODE_TITLE = { SERIES: "Серии", BRAND: "Бренды", GROUP: "Группы товаров" } as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const url = new URL(request.url);
    const q = url.searchParams.get("q")?.trim() ?? "";
    const group = url.searchParams.get("group") || null;
    const after = url.searchParams.get("after") || null;
    const [{ catalogSearch }, { catalogNavigation }, { promotions }] = await Promise.all([
      query(client, CatalogSearchQuery, { query: q, group, after }),
      query(client, CatalogNavigationQuery, {}),
      query(client, PromotionsQuery, { audience: null }),
    ]);
    const page =
      catalogSearch.__typename === "ProductConnection"
        ? { nodes: catalogSearch.nodes, pageInfo: catalogSearch.pageInfo, error: null }
        : { nodes: [], pageInfo: { endCursor: null, hasNextPage: false }, error: catalogSearch.message };
    return { q, group, after, page, navigation: catalogNavigation, promotions: promotions.length };
  });
}

/** Adding to the draft changes nothing in the list: keep the loaded pages ("Показать ещё") as they are. */
export function shouldRevalidate({ formMethod, formAction, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formMethod === "POST" && formAction?.startsWith("/catalog")) return false;
  return defaultShouldRevalidate;
}

export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async (auth) => {
    const form = await request.formData();
    const productId = String(form.get("productId") ?? "");
    const quantity = Number(form.get("quantity"));
    if (!productId) return data({ productId, ok: false as const, message: "Не выбран товар." }, { status: 400 });
    if (!Number.isInteger(quantity) || quantity < 1) {
      return data(
        { productId, ok: false as const, message: "Укажите количество — целое число не меньше 1." },
        { status: 400 },
      );
    }
    const r = await addToActiveDraft(auth, productId, quantity);
    const headers = { "Set-Cookie": await commitSession(auth.session, context) };
    if (r.__typename === "OrderError") {
      return data({ productId, ok: false as const, message: orderErrorText(r) }, { status: 422, headers });
    }
    const line = [...r.lines].reverse().find((l) => l.quantity > 0 && form.get("article") === l.article);
    return data(
      {
        productId,
        ok: true as const,
        message: `Добавлено${line ? `: ${line.quantity} ${form.get("unit") ?? "шт"}` : ""}. В черновике позиций: ${r.totals.positions}, сумма ${formatMoney(r.totals.amount)}.`,
        draftId: r.id,
      },
      { headers },
    );
  });
}

export default function Catalog({ loaderData }: Route.ComponentProps) {
  const { q, group, page, navigation, promotions } = loaderData;
  const viewer = useRouteLoaderData<typeof appLoader>("app")?.viewer;
  const nomenclature = viewer?.permissions.includes("nomenclature.file") ?? false;
  const nav = useNavigation();
  const more = useFetcher<typeof loader>();
  const [extra, setExtra] = useState<CatalogProduct[]>([]);
  const [pageInfo, setPageInfo] = useState<PageInfo>(page.pageInfo);

  // A new search, group or revalidation starts the list over.
  useEffect(() => {
    setExtra([]);
    setPageInfo(page.pageInfo);
  }, [page]);

  useEffect(() => {
    const next = more.data?.page;
    if (more.state === "idle" && next) {
      setExtra((e) => [...e, ...next.nodes]);
      setPageInfo(next.pageInfo);
    }
  }, [more.state, more.data]);

  const rows = [...page.nodes, ...extra];
  const params = (extraParams: Record<string, string>) =>
    new URLSearchParams({ ...(q ? { q } : {}), ...(group ? { group } : {}), ...extraParams });
  const nextHref = pageInfo.endCursor ? `/catalog?${params({ after: pageInfo.endCursor })}` : null;

  return (
    <>
      <h1>Каталог</h1>
      {promotions > 0 || nomenclature ? (
        <p className="promotions-link">
          {promotions > 0 ? <Link to="/promotions">Акции сейчас: {promotions}</Link> : null}
          {promotions > 0 && nomenclature ? " · " : null}
          {nomenclature ? (
            <>
              <a href="/catalog/nomenclature.xlsx" download>
                Номенклатурный файл (XLSX)
              </a>{" "}
              (<Link to="/catalog/nomenclature">рассылка каждый день</Link>)
            </>
          ) : null}
        </p>
      ) : null}
      <Form method="get" className="search" role="search">
        <label htmlFor="catalog-q">
          Поиск по артикулу или названию (можно несколько артикулов через пробел; не меньше {navigation.minSearchChars}{" "}
          символов, кроме точного артикула)
        </label>
        <div className="search__row">
          <input id="catalog-q" name="q" type="search" defaultValue={q} key={q} />
          {group ? <input type="hidden" name="group" value={group} /> : null}
          <button type="submit" className="button button--primary">
            Найти
          </button>
          {q || group ? <Link to="/catalog">Сбросить</Link> : null}
        </div>
      </Form>
      {nav.state === "loading" && nav.location?.pathname === "/catalog" ? <p role="status">Загрузка…</p> : null}
      <div className="catalog-layout">
        <nav className="catalog-nav" aria-label={MODE_TITLE[navigation.mode]}>
          <h2>{MODE_TITLE[navigation.mode]}</h2>
          <p>
            <Link
              to={q ? `/catalog?${new URLSearchParams({ q })}` : "/catalog"}
              aria-current={group ? undefined : "page"}
            >
              Весь каталог
            </Link>
          </p>
          <NavTree nodes={navigation.nodes} current={group} q={q} />
        </nav>
        <section aria-label="Товары">
          {page.error ? (
            <p className="alert alert--error" role="alert">
              {page.error}
            </p>
          ) : rows.length === 0 ? (
            <p>{q ? `По запросу «${q}» ничего не найдено.` : "В этом разделе пока нет товаров."}</p>
          ) : (
            groupsOf(rows, navigation.mode).map((g) => (
              <section key={g.key} className="catalog-group" aria-label={g.label}>
                <h2 className="catalog-group__title">{g.label}</h2>
                <div className="table-wrap">
                  <table className="table catalog">
                    <caption className="visually-hidden">
                      {g.label}
                      {q ? `, товары по запросу «${q}»` : ""}
                    </caption>
                    <colgroup>
                      <col className="col-article" />
                      <col />
                      <col className="col-price" />
                      <col className="col-stock" />
                      <col className="col-add" />
                    </colgroup>
                    <thead>
                      <tr>
                        <th scope="col">Артикул</th>
                        <th scope="col">Наименование</th>
                        <th scope="col" className="num">
                          Цена
                        </th>
                        <th scope="col">Наличие</th>
                        <th scope="col">В заказ</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.rows.map((p) => (
                        <ProductRow key={p.id} product={p} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          )}
          {pageInfo.hasNextPage && nextHref ? (
            <p className="more">
              <Link
                to={nextHref}
                className="button"
                onClick={(e) => {
                  e.preventDefault();
                  if (more.state === "idle") more.load(nextHref);
                }}
                aria-disabled={more.state !== "idle"}
              >
                {more.state === "idle" ? "Показать ещё" : "Загрузка…"}
              </Link>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}

/**
 * Consecutive rows under one heading: browsing is ordered by the tenant's navigation, so each
 * group appears once; a ranked search keeps its order and labels each run of rows.
 */
function groupsOf(rows: CatalogProduct[], mode: "SERIES" | "BRAND" | "GROUP") {
  const out: { key: string; label: string; rows: CatalogProduct[] }[] = [];
  for (const p of rows) {
    const label = groupLabel(p, mode);
    const last = out.at(-1);
    if (last && last.label === label) last.rows.push(p);
    else out.push({ key: `${out.length}-${label}`, label, rows: [p] });
  }
  return out;
}
