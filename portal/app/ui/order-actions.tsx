import { useId } from "react";
import { Form } from "react-router";
import type { OrderDetail } from "../graphql/orders";
import { formatDateTime } from "../lib/format";

/** The submitted order's panels: its moves, cancellation, following, copying, and the comments with the manager. */
export function SubmittedOrderPanels({ order, busy }: { order: OrderDetail; busy: boolean }) {
  const reasonId = useId();
  const bodyId = useId();
  const moves = order.availableTransitions.filter((t) => !t.cancels);
  const cancel = order.availableTransitions.find((t) => t.cancels);
  return (
    <>
      <section className="card order-info" aria-labelledby="order-info-title">
        <h2 id="order-info-title">Сведения о заказе</h2>
        <dl>
          {order.erpNumber ? (
            <div>
              <dt>Номер в 1С</dt>
              <dd>{order.erpNumber}</dd>
            </div>
          ) : null}
          {order.customerNumber ? (
            <div>
              <dt>Ваш номер</dt>
              <dd>{order.customerNumber}</dd>
            </div>
          ) : null}
          {order.stockReservedUntil ? (
            <div>
              <dt>Резерв до</dt>
              <dd>{formatDateTime(order.stockReservedUntil)}</dd>
            </div>
          ) : null}
          {order.cancelReason ? (
            <div>
              <dt>Причина отмены</dt>
              <dd>{order.cancelReason}</dd>
            </div>
          ) : null}
          {order.comment ? (
            <div>
              <dt>Комментарий</dt>
              <dd>{order.comment}</dd>
            </div>
          ) : null}
        </dl>
        <div className="order-actions">
          {moves.map((t) => (
            <Form method="post" key={t.to.code}>
              <input type="hidden" name="intent" value="transition" />
              <input type="hidden" name="to" value={t.to.code} />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t.label}
              </button>
            </Form>
          ))}
          <Form method="post">
            <input type="hidden" name="intent" value="copy" />
            <button type="submit" className="button" disabled={busy}>
              Повторить заказ
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="track" />
            <input type="hidden" name="tracked" value={order.tracked ? "false" : "true"} />
            <button type="submit" className="button" disabled={busy} aria-pressed={order.tracked}>
              {order.tracked ? "Не отслеживать" : "Отслеживать"}
            </button>
          </Form>
        </div>
      </section>

      {cancel ? (
        <Form method="post" className="card cancel-form">
          <input type="hidden" name="intent" value="cancel" />
          <h2>{cancel.label}</h2>
          <div className="field">
            <label htmlFor={reasonId}>Причина отмены</label>
            <input id={reasonId} name="reason" type="text" required maxLength={500} />
          </div>
          <button type="submit" className="button button--danger" disabled={busy}>
            {cancel.label}
          </button>
        </Form>
      ) : null}

      <section className="card comments" aria-labelledby="comments-title">
        <h2 id="comments-title">Переписка с менеджером</h2>
        {order.comments.length === 0 ? (
          <p className="muted">Комментариев пока нет.</p>
        ) : (
          <ol className="comments__list">
            {order.comments.map((c) => (
              <li key={c.id} className={`order-comment order-comment--${c.authorSide}`}>
                <div className="muted">
                  {c.authorSide === "dealer" ? "Вы" : "Менеджер"}, {formatDateTime(c.createdAt)}
                </div>
                <p>{c.body}</p>
              </li>
            ))}
          </ol>
        )}
        <Form method="post" key={order.comments.length}>
          <input type="hidden" name="intent" value="comment" />
          <div className="field">
            <label htmlFor={bodyId}>Новый комментарий</label>
            <textarea id={bodyId} name="body" rows={3} maxLength={4000} required />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Отправить комментарий
          </button>
        </Form>
      </section>
    </>
  );
}
