import { useId } from "react";
import { Link, useFetcher } from "react-router";
import type { CatalogProduct, ListPrice, NavNode } from "../graphql/catalog";
import { formatMoney, formatPercent } from "../lib/format";

/** What the add-to-draft action answers (the catalog route's action). */
export type AddResult =
  | { productId: string; ok: true; message: string; draftId: string }
  | { productId: string; ok: false; message: string };

export const SOURCE_LABEL: Record<ListPrice["source"], string> = {
  LIST: "базовая цена",
  DISCOUNT_GROUP: "скидка по ценовой группе",
  PRICE_TIER: "ценовая категория месяца",
  TURNOVER: "накопительная скидка",
  PERSONAL: "персональная цена",
};

/** The navigation tree as nested lists of links; the chosen node is marked for screen readers too. */
export function NavTree({ nodes, current, q }: { nodes: NavNode[]; current: string | null; q: string }) {
  return (
    <ul className="nav-tree">
      {nodes.map((n) => (
        <li key={n.key}>
          <Link
            to={`/catalog?${new URLSearchParams({ ...(q ? { q } : {}), group: n.key })}`}
            aria-current={current === n.key ? "page" : undefined}
            className={current === n.key ? "nav-tree__current" : undefined}
          >
            {n.label} <span className="nav-tree__count">{n.productCount}</span>
          </Link>
          {n.children && n.children.length > 0 ? <NavTree nodes={n.children} current={current} q={q} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function PriceCell({ price, unit }: { price: ListPrice; unit: string }) {
  const currency = price.yours.currency;
  const different = price.yours.amount !== price.base.amount;
  return (
    <>
      {different ? (
        <>
          <div className="price__base">
            <span className="visually-hidden">Базовая цена: </span>
            <s>{formatMoney({ amount: price.base.amount, currency })}</s>
          </div>
          <div className="price__yours">
            <span className="price__label">ваша цена</span> <strong>{formatMoney(price.yours)}</strong>
          </div>
          {price.discountPercent > 0 ? (
            <div className="price__discount">скидка {formatPercent(price.discountPercent)}</div>
          ) : null}
        </>
      ) : (
        <strong>{formatMoney(price.yours)}</strong>
      )}
      {price.retail ? (
        <div className="muted">розница {formatMoney({ amount: price.retail.amount, currency })}</div>
      ) : null}
      <div className="muted">
        {price.vatIncluded ? "с НДС" : "без НДС"}, за 1 {unit}
      </div>
    </>
  );
}

export function Successors({ product: p }: { product: Pick<CatalogProduct, "discontinued" | "successors"> }) {
  if (!p.discontinued) return null;
  return (
    <div className="discontinued">
      <span className="badge badge--warn">Снят с производства</span>
      {p.successors.length > 0 ? (
        <>
          {" "}
          Замена:{" "}
          {p.successors.map((s, i) => (
            <span key={s.id}>
              {i > 0 ? ", " : null}
              <Link to={`/products/${s.id}`} title={s.name}>
                {s.article}
              </Link>
            </span>
          ))}
        </>
      ) : null}
    </div>
  );
}

/** Quantity and "В заказ": posts to the catalog's action, which puts the line in the active draft. */
export function AddToDraft({
  product: p,
}: {
  product: Pick<CatalogProduct, "id" | "article" | "unit" | "packMultiple">;
}) {
  const fetcher = useFetcher<AddResult>();
  const qtyId = useId();
  const result = fetcher.data?.productId === p.id ? fetcher.data : undefined;
  return (
    <fetcher.Form method="post" action="/catalog" className="add">
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
  );
}

export function ProductRow({ product: p }: { product: CatalogProduct }) {
  return (
    <tr>
      <td className="mono">{p.article}</td>
      <td>
        <Link to={`/products/${p.id}`}>{p.name}</Link>
        {p.brand ? <div className="muted">{p.brand}</div> : null}
        <Successors product={p} />
      </td>
      <td className="num price">
        <PriceCell price={p.price} unit={p.unit} />
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
        <AddToDraft product={p} />
      </td>
    </tr>
  );
}

/** The heading a product is grouped under, by the tenant's navigation. */
export function groupLabel(p: CatalogProduct, mode: "SERIES" | "BRAND" | "GROUP"): string {
  if (mode === "SERIES") return p.series ?? "Без серии";
  if (mode === "BRAND") return p.brand ?? "Без бренда";
  return p.groupPath.length > 0 ? p.groupPath.join(" / ") : "Без группы";
}
