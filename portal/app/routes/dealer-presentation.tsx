import { data, Form, Link, useNavigation } from "react-router";
import { DealerPresentationQuery } from "../graphql/presentations";
import { commitSession, withAuth } from "../lib/auth.server";
import { addToActiveDraft } from "../lib/drafts.server";
import { formatDay } from "../lib/finance";
import { formatMoney, formatPercent } from "../lib/format";
import { query } from "../lib/gateway.server";
import { FormMessage } from "../ui/field";
import { InCart, PresentationStatusBadge } from "../ui/presentation-status";
import type { Route } from "./+types/dealer-presentation";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `${data?.presentation.title ?? "Презентация"} — Кабинет дилера` },
];

/** A presentation sent to the dealer's company, with what of it is already in the active draft. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const r = await query(client, DealerPresentationQuery, { id: params.id });
    if (!r.presentation) throw new Response("Презентация не найдена", { status: 404 });
    const inCart = Object.fromEntries((r.activeDraft?.lines ?? []).map((l) => [l.product.id, l.quantity]));
    return { presentation: r.presentation, inCart };
  });
}

interface ActionResult {
  ok?: string;
  error?: string;
}

/** «В корзину» for one line with the quantity typed in its box: added to the active draft through orders. */
export async function action({ request, context, params }: Route.ActionArgs) {
  return withAuth(request, context, async (auth) => {
    const form = await request.formData();
    const { presentation } = await query(auth.client, DealerPresentationQuery, { id: params.id });
    if (!presentation) throw new Response("Презентация не найдена", { status: 404 });
    if (presentation.status !== "SENT") return data<ActionResult>({ error: "Срок действия презентации истёк." });
    const line = presentation.lines.find((l) => l.product.id === String(form.get("add") ?? ""));
    if (!line) return data<ActionResult>({ error: "Этого товара нет в презентации." }, { status: 400 });
    const article = line.product.article;
    const quantity = Number(String(form.get("quantity") ?? "").trim());
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      return data<ActionResult>({ error: `${article}: количество — целое число больше нуля.` });
    }
    const r = await addToActiveDraft(auth, line.product.id, quantity);
    if (r.__typename === "OrderError") return data<ActionResult>({ error: `${article}: ${r.message}` });
    const headers = { "Set-Cookie": await commitSession(auth.session, context) };
    return data<ActionResult>({ ok: `${article}: ${quantity} ${line.product.unit} добавлено в корзину.` }, { headers });
  });
}

export default function DealerPresentation({ loaderData, actionData }: Route.ComponentProps) {
  const { presentation: p, inCart } = loaderData;
  const busy = useNavigation().state !== "idle";
  const open = p.status === "SENT";
  return (
    <>
      <nav className="breadcrumbs" aria-label="Навигация">
        <Link to="/presentations">Презентации</Link>
      </nav>
      <h1>{p.title}</h1>
      <dl className="presentation-offer__meta">
        <div>
          <dt>Персональная скидка</dt>
          <dd>{formatPercent(p.discountPercent)}</dd>
        </div>
        <div>
          <dt>Цены действуют до</dt>
          <dd>{formatDay(p.validUntil)}</dd>
        </div>
        <div>
          <dt>Статус</dt>
          <dd>
            <PresentationStatusBadge status={p.status} />
          </dd>
        </div>
      </dl>
      {p.comment ? <p>{p.comment}</p> : null}
      <FormMessage ok={actionData?.ok} error={actionData?.error} />
      {/* One form per line (inputs join it by the form attribute): Enter in a quantity adds that line. */}
      {p.lines.map((l) => (
        <Form key={l.product.id} method="post" id={`line-${l.product.id}`} />
      ))}
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">Товары презентации</caption>
          <thead>
            <tr>
              <th scope="col">Артикул</th>
              <th scope="col">Наименование</th>
              <th scope="col" className="num">
                Базовая цена
              </th>
              <th scope="col" className="num">
                Ваша цена
              </th>
              <th scope="col" className="num">
                Розничная цена
              </th>
              <th scope="col">Количество</th>
              <th scope="col">Корзина</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((l) => (
              <tr key={l.product.id}>
                <td className="mono">
                  <Link to={`/products/${l.product.id}`}>{l.product.article}</Link>
                </td>
                <td>{l.product.name}</td>
                <td className="num">{formatMoney(l.base)}</td>
                <td className="num">{formatMoney(l.offer)}</td>
                <td className="num">{l.retail ? formatMoney(l.retail) : "—"}</td>
                <td className="presentation-qty-cell">
                  <label className="visually-hidden" htmlFor={`qty-${l.product.id}`}>
                    Количество {l.product.article}
                  </label>
                  <input
                    id={`qty-${l.product.id}`}
                    form={`line-${l.product.id}`}
                    name="quantity"
                    className="presentation-qty"
                    type="number"
                    min={1}
                    step={1}
                    inputMode="numeric"
                    defaultValue={l.quantity}
                    disabled={!open}
                  />{" "}
                  {l.product.unit}
                </td>
                <td>
                  <InCart quantity={inCart[l.product.id] ?? null} unit={l.product.unit} />{" "}
                  {open ? (
                    <button
                      type="submit"
                      form={`line-${l.product.id}`}
                      name="add"
                      value={l.product.id}
                      className="button"
                      disabled={busy}
                      aria-label={`В корзину: ${l.product.article}`}
                    >
                      В корзину
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open ? null : <p>Срок действия презентации истёк: цены предложения больше не действуют.</p>}
    </>
  );
}
