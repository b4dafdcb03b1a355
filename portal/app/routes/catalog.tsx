import { useEffect, useId, useState } from "react";
import { data, Form, Link, type ShouldRevalidateFunctionArgs, useFetcher, useNavigation } from "react-router";
import { type CatalogProduct, ProductsQuery } from "../graphql/catalog";
import { commitSession, withAuth } from "../lib/auth.server";
import { addToActiveDraft } from "../lib/drafts.server";
import { formatMoney, formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import { orderErrorText } from "../lib/order-errors";
import type { Route } from "./+types/catalog";

export const meta: Route.MetaFunction = () => [{ title: "Каталог — Кабинет дилера" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const url = new URL(request.url);
    const q = url.searchParams.get("q")?.trim() ?? "";
    const after = url.searchParams.get("after") || null;
    const { products } = await query(client, ProductsQuery, { search: q || null, after });
    return { q, after, products };
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
  const { q, products } = loaderData;
  const navigation = useNavigation();
  const more = useFetcher<typeof loader>();
  const [extra, setExtra] = useState<{ key: string; nodes: CatalogProduct[] }>({ key: q, nodes: [] });
  const [pageInfo, setPageInfo] = useState(products.pageInfo);

  // A new search (or revalidation) starts the list over.
  useEffect(() => {
    setExtra({ key: q, nodes: [] });
    setPageInfo(products.pageInfo);
  }, [q, products]);

  useEffect(() => {
    const page = more.data?.products;
    if (more.state === "idle" && page) {
      setExtra((e) => ({ key: e.key, nodes: [...e.nodes, ...page.nodes] }));
      setPageInfo(page.pageInfo);
    }
  }, [more.state, more.data]);

  const rows = [...products.nodes, ...extra.nodes];
  const nextHref = pageInfo.endCursor
    ? `/catalog?${new URLSearchParams({ ...(q ? { q } : {}), after: pageInfo.endCursor })}`
    : null;

  return (
    <>
      <h1>Каталог</h1>
      <Form method="get" className="search" role="search">
        <label htmlFor="catalog-q">Поиск по артикулу или названию</label>
        <div className="search__row">
          <input id="catalog-q" name="q" type="search" defaultValue={q} key={q} />
          <button type="submit" className="button button--primary">
            Найти
          </button>
          {q ? <Link to="/catalog">Сбросить</Link> : null}
        </div>
      </Form>
      {navigation.state === "loading" && navigation.location?.pathname === "/catalog" ? (
        <p role="status">Загрузка…</p>
      ) : null}
      {rows.length === 0 ? (
        <p>{q ? `По запросу «${q}» ничего не найдено.` : "В каталоге пока нет товаров."}</p>
      ) : (
        <div className="table-wrap">
          <table className="table catalog">
            <caption className="visually-hidden">Товары{q ? ` по запросу «${q}»` : ""}</caption>
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
              {rows.map((p) => (
                <ProductRow key={p.id} product={p} />
              ))}
            </tbody>
          </table>
        </div>
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
    </>
  );
}

function ProductRow({ product: p }: { product: CatalogProduct }) {
  const fetcher = useFetcher<typeof action>();
  const qtyId = useId();
  const result = fetcher.data?.productId === p.id ? fetcher.data : undefined;
  const different = p.price.yours.amount !== p.price.base.amount;
  return (
    <tr>
      <td className="mono">{p.article}</td>
      <td>
        {p.name}
        {p.brand || p.series ? <div className="muted">{[p.brand, p.series].filter(Boolean).join(" · ")}</div> : null}
      </td>
      <td className="num price">
        {different ? (
          <>
            <div className="price__base">
              <span className="visually-hidden">Базовая цена: </span>
              <s>{formatMoney(p.price.base)}</s>
            </div>
            <div className="price__yours">
              <span className="price__label">ваша цена</span> <strong>{formatMoney(p.price.yours)}</strong>
            </div>
            {p.price.discountPercent > 0 ? (
              <div className="price__discount">скидка {formatPercent(p.price.discountPercent)}</div>
            ) : null}
          </>
        ) : (
          <strong>{formatMoney(p.price.yours)}</strong>
        )}
        <div className="muted">
          {p.price.vatIncluded ? "с НДС" : "без НДС"}, за 1 {p.unit}
        </div>
      </td>
      <td>
        {p.stock.length === 0 ? (
          <span className="muted">нет данных</span>
        ) : (
          <ul className="stock">
            {p.stock.map((s) => (
              <li key={s.warehouse.code}>
                <abbr title={`${s.warehouse.name}, ${s.warehouse.city}`}>{s.warehouse.code}</abbr>: {s.display}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <fetcher.Form method="post" className="add">
          <input type="hidden" name="productId" value={p.id} />
          <input type="hidden" name="article" value={p.article} />
          <input type="hidden" name="unit" value={p.unit} />
          <label htmlFor={qtyId} className="visually-hidden">
            Количество, {p.unit} ({p.article})
          </label>
          <input
            id={qtyId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            defaultValue={p.packMultiple}
            required
            className="add__qty"
          />
          <button type="submit" className="button button--primary" disabled={fetcher.state !== "idle"}>
            В заказ
          </button>
          {p.packMultiple > 1 ? (
            <div className="muted">
              упаковка {p.packMultiple} {p.unit}
            </div>
          ) : null}
          <div aria-live="polite" className={result ? (result.ok ? "add__ok" : "add__error") : undefined}>
            {result ? (
              <>
                {result.message} {result.ok ? <Link to={`/drafts/${result.draftId}`}>Открыть черновик</Link> : null}
              </>
            ) : null}
          </div>
        </fetcher.Form>
      </td>
    </tr>
  );
}
