import { Form, useNavigation } from "react-router";
import type { FormState } from "../lib/account-form";
import { loadTickets, openTicketAction } from "../lib/tickets.server";
import { Field, FormMessage } from "../ui/field";
import { TicketFilter, TicketTable } from "../ui/tickets";
import type { Route } from "./+types/support";

export const meta: Route.MetaFunction = () => [{ title: "Обратная связь — Кабинет дилера" }];

export const loader = ({ request, context }: Route.LoaderArgs) => loadTickets(request, context);
export const action = ({ request, context }: Route.ActionArgs) => openTicketAction(request, context, "/support");

/** The dealer's correspondence with the supplier's managers: the tickets and a new one. */
export default function Support({ loaderData, actionData }: Route.ComponentProps) {
  const { tickets, status } = loaderData;
  const s: FormState = actionData ?? {};
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <h1>Обратная связь</h1>
      <p className="muted">Переписка с менеджером: задайте вопрос — менеджер получит письмо, а вы — его ответ.</p>
      <TicketFilter status={status} />
      <TicketTable tickets={tickets} base="/support" staff={false} />
      <section aria-labelledby="new-ticket" className="section">
        <h2 id="new-ticket">Новый тикет</h2>
        <FormMessage error={s.fields ? null : s.error} />
        <Form method="post" className="stack">
          <Field
            name="subject"
            label="Тема"
            required
            maxLength={200}
            error={s.fields?.subject}
            defaultValue={s.values?.subject}
          />
          <div className={`field${s.fields?.body ? " field--invalid" : ""}`}>
            <label htmlFor="body">Сообщение</label>
            <textarea
              id="body"
              name="body"
              rows={5}
              required
              maxLength={4000}
              defaultValue={s.values?.body}
              aria-invalid={s.fields?.body ? true : undefined}
              aria-describedby={s.fields?.body ? "body-error" : undefined}
            />
            {s.fields?.body ? (
              <span id="body-error" className="field__error">
                {s.fields.body}
              </span>
            ) : null}
          </div>
          <button type="submit" className="button button--primary" disabled={busy}>
            Отправить менеджеру
          </button>
        </Form>
      </section>
    </>
  );
}
