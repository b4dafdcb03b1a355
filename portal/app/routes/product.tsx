import { useState } from "react";
import { Link } from "react-router";
import { type ProductCard, ProductCardQuery, type ProductPrice } from "../graphql/catalog";
import type { Money } from "../graphql/types";
import { withAuth } from "../lib/auth.server";
import { formatMoney, formatNumber, formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import type { Route } from "./+types/product";
import { AvailabilityDialog } from "./availability-dialog";
import { AddToDraft, SOURCE_LABEL, Successors } from "./catalog-parts";
import "./catalog.css";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.product ? `${data.product.article} ${data.product.name}` : "Товар"} — Кабинет дилера` },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { product } = await query(client, ProductCardQuery, { id: params.id });
    if (!product) throw new Response("Товар не найден", { status: 404 });
    return { product };
  });
}

/** A unit price with or without VAT, from the server's amounts (no rates are applied in the browser). */
function withVat(price: ProductPrice, amount: Money, vatOfAmount: number, wantVat: boolean): Money {
  if (price.vatIncluded === wantVat) return amount;
  return { ...amount, amount: wantVat ? amount.amount + vatOfAmount : amount.amount - vatOfAmount };
}

export default function Product({ loaderData }: Route.ComponentProps) {
  const p = loaderData.product;
  const [showVat, setShowVat] = useState(p.price.vatIncluded);
  const ratio = p.price.yours.amount > 0 ? p.price.vat.amount / p.price.yours.amount : 0;
  const baseVat = Math.round(p.price.base.amount * ratio);
  const yours = withVat(p.price, p.price.yours, p.price.vat.amount, showVat);
  const base = withVat(p.price, p.price.base, baseVat, showVat);
  const vatLabel = showVat ? "с НДС" : "без НДС";

  return (
    <>
      <p className="crumbs">
        <Link to="/catalog">Каталог</Link>
        {p.groupPath.map((g, i) => (
          <span key={g}>
            {" / "}
            <Link to={`/catalog?${new URLSearchParams({ group: p.groupPath.slice(0, i + 1).join(" / ") })}`}>{g}</Link>
          </span>
        ))}
      </p>
      <h1>{p.name}</h1>
      <p className="mono">Артикул: {p.article}</p>
      <Successors product={p} />
      <div className="card">
        <section aria-labelledby="specs-h">
          {p.images[0] ? <img src={p.images[0]} alt={p.name} className="card__image" width={320} /> : null}
          {p.description ? <p>{p.description}</p> : null}
          <h2 id="specs-h">Характеристики</h2>
          <Specs p={p} />
        </section>
        <aside className="card__panel" aria-labelledby="price-h">
          <h2 id="price-h">Цена за 1 {p.unit}</h2>
          <fieldset className="vat-toggle">
            <legend className="visually-hidden">Показывать цены</legend>
            <label>
              <input type="radio" name="vat" checked={showVat} onChange={() => setShowVat(true)} /> с НДС
            </label>
            <label>
              <input type="radio" name="vat" checked={!showVat} onChange={() => setShowVat(false)} /> без НДС
            </label>
          </fieldset>
          <dl className="specs-dl">
            <dt>Базовая цена</dt>
            <dd data-testid="base-price">
              {formatMoney(base)} <span className="muted">{vatLabel}</span>
            </dd>
            <dt>Ваша цена</dt>
            <dd className="card__price-main" data-testid="your-price">
              {formatMoney(yours)} <span className="muted">{vatLabel}</span>
            </dd>
            {p.price.discountPercent > 0 ? (
              <>
                <dt>Скидка</dt>
                <dd>
                  {formatPercent(p.price.discountPercent)} ({SOURCE_LABEL[p.price.source]})
                </dd>
              </>
            ) : p.price.source === "PERSONAL" ? (
              <>
                <dt>Основание</dt>
                <dd>{SOURCE_LABEL.PERSONAL}</dd>
              </>
            ) : null}
            <dt>НДС {formatPercent(p.price.vatRatePercent)}</dt>
            <dd>{formatMoney(p.price.vat)}</dd>
            {p.price.retail ? (
              <>
                <dt>Розничная цена</dt>
                <dd>{formatMoney(p.price.retail)} с НДС</dd>
              </>
            ) : null}
          </dl>
          <h2>Наличие</h2>
          {p.stock.length === 0 ? (
            <p className="muted">нет данных</p>
          ) : (
            <ul className="stock">
              {p.stock.map((s) => (
                <li key={s.warehouse.code}>
                  {s.warehouse.name}: {s.display}
                </li>
              ))}
            </ul>
          )}
          <AvailabilityDialog productId={p.id} unit={p.unit} />
          <h2>В заказ</h2>
          <AddToDraft product={p} />
        </aside>
      </div>
    </>
  );
}

function Specs({ p }: { p: ProductCard }) {
  const rows: [string, string | null][] = [
    ["Бренд", p.brand],
    ["Серия", p.series],
    ["Единица измерения", p.unit],
    ["Кратность упаковки", `${p.packMultiple} ${p.unit}`],
    ["Минимальный заказ", `${p.minQuantity} ${p.unit}`],
    ["Вес", p.weightGrams === null ? null : `${formatNumber(p.weightGrams / 1000)} кг`],
    ["Объём", p.volumeCm3 === null ? null : volume(p.volumeCm3)],
    [
      "Габариты упаковки (Д × Ш × В)",
      p.dimensions ? `${p.dimensions.lengthMm} × ${p.dimensions.widthMm} × ${p.dimensions.heightMm} мм` : null,
    ],
    ["Код ТН ВЭД", p.hsCode],
    ["Штрихкод EAN-13", p.ean13],
    ["Ценовая группа", p.priceGroup],
    ...p.attributes
      .filter((a) => !["Бренд", "Серия", "Ценовая группа"].includes(a.name))
      .map((a): [string, string] => [a.name, a.value]),
  ];
  return (
    <table className="specs">
      <tbody>
        {rows
          .filter((r): r is [string, string] => r[1] !== null && r[1] !== "")
          .map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** 125 → "125 см³", 45 000 → "45 дм³", 2 500 000 → "2,5 м³". */
function volume(cm3: number): string {
  if (cm3 < 1000) return `${formatNumber(cm3)} см³`;
  if (cm3 < 1_000_000) return `${formatNumber(cm3 / 1000)} дм³`;
  return `${formatNumber(cm3 / 1_000_000)} м³`;
}
