import type { AppLoadContext } from "react-router";
import { data, redirect } from "react-router";
import {
  OpenTicketMutation,
  PostTicketMessageMutation,
  SetTicketStatusMutation,
  TicketQuery,
  type TicketResult,
  type TicketStatus,
  TicketsQuery,
} from "../graphql/tickets";
import { forbiddenAs403, text } from "./account.server";
import type { FormState } from "./account-form";
import { withAuth } from "./auth.server";
import { mutate, query } from "./gateway.server";

/** The «Обратная связь» pages' server side, shared by the dealer's (/support) and the staff's (/staff/tickets). */

const statusParam = (request: Request): TicketStatus | null => {
  const s = new URL(request.url).searchParams.get("status");
  return s === "OPEN" || s === "CLOSED" ? s : null;
};

export function loadTickets(request: Request, context: AppLoadContext) {
  return withAuth(request, context, async ({ client }) => {
    const status = statusParam(request);
    const r = await forbiddenAs403(query(client, TicketsQuery, { status }));
    return { tickets: r.tickets, status };
  });
}

export function loadTicket(request: Request, context: AppLoadContext, id: string) {
  return withAuth(request, context, async ({ client }) => {
    const r = await forbiddenAs403(query(client, TicketQuery, { id }));
    if (!r.ticket) throw data("Тикет не найден", { status: 404 });
    return { ticket: r.ticket };
  });
}

const refused = (r: TicketResult, values: Record<string, string>): FormState | null =>
  r.__typename === "TicketError"
    ? { error: r.message, code: r.code, fields: Object.fromEntries(r.fields.map((f) => [f.field, f.message])), values }
    : null;

/** The dealer opens a ticket and lands on its page. */
export function openTicketAction(request: Request, context: AppLoadContext, base: string) {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    const values = { subject: text(form, "subject"), body: text(form, "body") };
    const r = (await mutate(client, OpenTicketMutation, values)).openTicket;
    return refused(r, values) ?? redirect(`${base}/${r.__typename === "Ticket" ? r.id : ""}`);
  });
}

/** A reply, or closing / reopening, on a ticket's page. */
export function ticketAction(request: Request, context: AppLoadContext, id: string): Promise<FormState> {
  return withAuth(request, context, async ({ client }) => {
    const form = await request.formData();
    if (text(form, "intent") === "status") {
      const status: TicketStatus = text(form, "status") === "CLOSED" ? "CLOSED" : "OPEN";
      const r = (await mutate(client, SetTicketStatusMutation, { id, status })).setTicketStatus;
      return refused(r, {}) ?? { ok: status === "CLOSED" ? "Тикет закрыт" : "Тикет снова открыт" };
    }
    const body = text(form, "body");
    const r = (await mutate(client, PostTicketMessageMutation, { id, body })).postTicketMessage;
    return refused(r, { body }) ?? { ok: "Сообщение отправлено, другая сторона получит письмо" };
  });
}
