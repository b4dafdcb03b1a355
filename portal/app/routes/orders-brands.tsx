import { data, Form, Link } from "react-router";
import { CheckoutSubmitMutation } from "../graphql/checkout";
import { BrandOrdersQuery } from "../graphql/orders";
import { withAuth } from "../lib/auth.server";
import { type Brand, forEachBrand } from "../lib/brands.server";
import { formatDateTime, formatMoney } from "../lib/format";
import { mutate, query } from "../lib/gateway.server";
import { orderErrorText } from "../lib/order-errors";
import { StatusBadge } from "../ui/status-badge";
import type { Route } from "./+types/orders-brands";
import "../ui/orders.css";

export const meta: Route.MetaFunction = () => [{ title: "Заказы всех брендов — Кабинет дилера" }];

/** Every brand's latest orders in one list (each row in its brand) and each brand's cart. */
export async function loader({ request, context }: Route.LoaderArgs) {
  return withAuth(request, context, async (auth) => {
    const parts = await forEachBrand(auth, context, (client) => query(client, BrandOrdersQuery, {}));
    const rows = parts
      .flatMap((p) => ("result" in p ? p.result.orders.map((o) => ({ brand: p.brand, order: o })) : []))
      .sort((a, b) => (b.order.submittedAt ?? "").localeCompare(a.order.submittedAt ?? ""));
    const carts = parts.map((p) =>
      "result" in p
        ? { brand: p.brand, draft: p.result.activeDraft, error: null }
        : { brand: p.brand, draft: null, error: p.error },
    );
    // One key per rendered form: a repeated checkout submits each supplier's order once.
    return { rows, carts, checkoutKey: crypto.randomUUID() };
  });
}

type Outcome = { brand: Brand; number?: string; error?: string };

/** Checks out every brand's non-empty cart: one order per supplier, each under its own tenant and workflow. */
export async function action({ request, context }: Route.ActionArgs) {
  return withAuth(request, context, async (auth) => {
    const form = await request.formData();
    const key = String(form.get("checkoutKey") ?? "");
    const comment = String(form.get("comment") ?? "").trim() || null;
    const parts = await forEachBrand(auth, context, async (client, brand) => {
      const { activeDraft } = await query(client, BrandOrdersQuery, {});
      if (!activeDraft || activeDraft.lines.length === 0) return null;
      const r = (
        await mutate(client, CheckoutSubmitMutation, {
          orderId: activeDraft.id,
          comment,
          customerNumber: null,
          idempotencyKey: key ? `${key}-${brand.slug}` : null,
          // Each supplier's own checkout defaults (the active counterparty, its default options, the last address);
          // the box ticked here counts for suppliers whose form requires it.
          checkout: form.has("confirmed") ? { confirmed: true } : {},
        })
      ).submitOrder;
      return r.__typename === "OrderError" ? { error: orderErrorText(r) } : { number: r.number };
    });
    const outcomes: Outcome[] = parts.flatMap((p) =>
      "error" in p ? [{ brand: p.brand, error: p.error }] : p.result ? [{ brand: p.brand, ...p.result }] : [],
    );
    return data({ outcomes }, { status: outcomes.some((o) => o.error) ? 422 : 200 });
  });
}

const BrandTag = ({ brand }: { brand: Brand }) => (
  <span className="brand-tag" style={{ background: brand.primary, color: brand.onPrimary }}>
    {brand.name}
  </span>
);

export default function BrandOrders({ loaderData, actionData }: Route.ComponentProps) {
  const { rows, carts, checkoutKey } = loaderData;
  const filled = carts.filter((c) => c.draft && c.draft.lines.length > 0);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">← Заказы текущего бренда</Link>
      </p>
      <h1>Заказы всех брендов</h1>
      {actionData ? (
        <ul className="alert alert--success" role="status">
          {actionData.outcomes.map((o) => (
            <li key={o.brand.slug}>
              {o.brand.name}: {o.error ? `не отправлен — ${o.error}` : `заказ № ${o.number} отправлен`}
            </li>
          ))}
        </ul>
      ) : null}

      <section className="card" aria-labelledby="carts-title">
        <h2 id="carts-title">Корзина по поставщикам</h2>
        <div className="table-wrap">
          <table className="table carts">
            <thead>
              <tr>
                <th scope="col">Бренд</th>
                <th scope="col">Черновик</th>
                <th scope="col" className="num">
                  Позиций
                </th>
                <th scope="col" className="num">
                  Сумма
                </th>
              </tr>
            </thead>
            <tbody>
              {carts.map((c) => (
                <tr key={c.brand.slug}>
                  <td>
                    <BrandTag brand={c.brand} />
                  </td>
                  <td>{c.error ? c.error : c.draft ? c.draft.name || "Без названия" : "пусто"}</td>
                  <td className="num">{c.draft?.totals.positions ?? 0}</td>
                  <td className="num">{c.draft ? formatMoney(c.draft.totals.amount) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <input type="hidden" name="checkoutKey" value={checkoutKey} />
          <div className="field">
            <label htmlFor="brands-comment">Комментарий ко всем заказам</label>
            <textarea id="brands-comment" name="comment" rows={2} maxLength={2000} />
          </div>
          <div className="field">
            <label>
              <input type="checkbox" name="confirmed" /> Я проверил содержимое заказов
            </label>
          </div>
          <button type="submit" className="button button--primary" disabled={filled.length === 0}>
            Оформить заказы у всех поставщиков ({filled.length})
          </button>
        </Form>
      </section>

      <section aria-labelledby="all-orders-title">
        <h2 id="all-orders-title">Последние заказы</h2>
        {rows.length === 0 ? (
          <p>Заказов пока нет.</p>
        ) : (
          <div className="table-wrap">
            <table className="table orders">
              <thead>
                <tr>
                  <th scope="col">Бренд</th>
                  <th scope="col">Номер</th>
                  <th scope="col">Дата и время</th>
                  <th scope="col" className="num">
                    Сумма
                  </th>
                  <th scope="col">Статус</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ brand, order }) => (
                  <tr key={`${brand.slug}-${order.id}`}>
                    <td>
                      <BrandTag brand={brand} />
                    </td>
                    <td>
                      {brand.current ? <Link to={`/orders/${order.id}`}>№ {order.number}</Link> : `№ ${order.number}`}
                    </td>
                    <td>{formatDateTime(order.submittedAt ?? order.createdAt)}</td>
                    <td className="num">{formatMoney(order.totals.amount)}</td>
                    <td>
                      <StatusBadge status={order.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
