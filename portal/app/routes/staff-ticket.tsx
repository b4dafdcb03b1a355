import { loadTicket, ticketAction } from "../lib/tickets.server";
import { TicketThread } from "../ui/tickets";
import type { Route } from "./+types/staff-ticket";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Тикет № ${data?.ticket.number ?? ""} — Кабинет поставщика` },
];

export const loader = ({ request, context, params }: Route.LoaderArgs) => loadTicket(request, context, params.id);
export const action = ({ request, context, params }: Route.ActionArgs) => ticketAction(request, context, params.id);

export default function StaffTicket({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <TicketThread
      ticket={loaderData.ticket}
      state={actionData ?? {}}
      back={{ to: "/staff/tickets", label: "Обратная связь дилеров" }}
      replyLabel="Ответ дилеру"
    />
  );
}
