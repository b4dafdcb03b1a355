import { Form, Link, useNavigation } from "react-router";
import type { TicketDetail, TicketStatus, TicketSummary } from "../graphql/tickets";
import type { FormState } from "../lib/account-form";
import { formatDateTime } from "../lib/format";
import { FormMessage } from "./field";
import "./staff.css";

const STATUS: Record<TicketStatus, string> = { OPEN: "Открыт", CLOSED: "Закрыт" };

/** Open / closed / all, as links (the list reloads with ?status=). */
export function TicketFilter({ status }: { status: TicketStatus | null }) {
  const tabs: [TicketStatus | null, string][] = [
    [null, "Все"],
    ["OPEN", "Открытые"],
    ["CLOSED", "Закрытые"],
  ];
  return (
    <nav className="queue-tabs" aria-label="Статус тикетов">
      {tabs.map(([s, label]) => (
        <Link
          key={label}
          to={s ? `?status=${s}` : "?"}
          className={`queue-tab${s === status ? " queue-tab--active" : ""}`}
          aria-current={s === status ? "page" : undefined}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** The tickets as a table; staff also see the dealer company. */
export function TicketTable({ tickets, base, staff }: { tickets: TicketSummary[]; base: string; staff: boolean }) {
  if (tickets.length === 0) return <p className="muted">Тикетов нет.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col">Тема</th>
            {staff ? <th scope="col">Дилер</th> : null}
            <th scope="col">Менеджер</th>
            <th scope="col">Статус</th>
            <th scope="col">Последнее сообщение</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((t) => (
            <tr key={t.id}>
              <td>{t.number}</td>
              <td>
                <Link to={`${base}/${t.id}`}>{t.subject}</Link>
              </td>
              {staff ? <td>{t.company.name}</td> : null}
              <td>{t.manager?.fullName ?? "—"}</td>
              <td>{STATUS[t.status]}</td>
              <td>{formatDateTime(t.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One ticket: the correspondence, a reply box and closing / reopening. */
export function TicketThread({
  ticket,
  state,
  back,
  replyLabel,
}: {
  ticket: TicketDetail;
  state: FormState;
  back: { to: string; label: string };
  replyLabel: string;
}) {
  const busy = useNavigation().state !== "idle";
  const closed = ticket.status === "CLOSED";
  return (
    <>
      <p>
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <h1>
        Тикет № {ticket.number}: {ticket.subject}
      </h1>
      <dl className="facts">
        <dt>Дилер</dt>
        <dd>{ticket.company.name}</dd>
        <dt>Менеджер</dt>
        <dd>{ticket.manager?.fullName ?? "еще не ответил"}</dd>
        <dt>Статус</dt>
        <dd>{STATUS[ticket.status]}</dd>
        <dt>Открыт</dt>
        <dd>{formatDateTime(ticket.createdAt)}</dd>
      </dl>
      <FormMessage error={state.error} ok={state.ok} />
      <section aria-labelledby="messages-title" className="section">
        <h2 id="messages-title">Переписка</h2>
        <ol className="comments">
          {ticket.messages.map((m) => (
            <li key={m.id} className={`comment comment--${m.side === "DEALER" ? "dealer" : "manager"}`}>
              <span className="comment__meta">
                {m.side === "DEALER" ? "Дилер" : "Менеджер"}, {m.author.fullName} · {formatDateTime(m.createdAt)}
              </span>
              <p className="comment__body">{m.body}</p>
            </li>
          ))}
        </ol>
        <Form method="post" className="stack">
          <div className={`field${state.fields?.body ? " field--invalid" : ""}`}>
            <label htmlFor="ticket-body">{replyLabel}</label>
            <textarea
              id="ticket-body"
              name="body"
              rows={4}
              required
              maxLength={4000}
              key={ticket.messages.length}
              defaultValue={state.values?.body}
              aria-invalid={state.fields?.body ? true : undefined}
              aria-describedby={state.fields?.body ? "ticket-body-error" : undefined}
            />
            {state.fields?.body ? (
              <span id="ticket-body-error" className="field__error">
                {state.fields.body}
              </span>
            ) : null}
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            {closed ? "Отправить и открыть снова" : "Отправить"}
          </button>
        </Form>
        <Form method="post" className="order-actions">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="status" value={closed ? "OPEN" : "CLOSED"} />
          <button type="submit" className="button" disabled={busy}>
            {closed ? "Открыть тикет снова" : "Закрыть тикет"}
          </button>
        </Form>
      </section>
    </>
  );
}
