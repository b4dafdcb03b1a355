import { loadTicket, ticketAction } from "../lib/tickets.server";
import { TicketThread } from "../ui/tickets";
import type { Route } from "./+types/support-ticket";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Тикет № ${data?.ticket.number ?? ""} — Обратная связь` },
];

export const loader = ({ request, context, params }: Route.LoaderArgs) => loadTicket(request, context, params.id);
export const action = ({ request, context, params }: Route.ActionArgs) => ticketAction(request, context, params.id);

export default function SupportTicket({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <TicketThread
      ticket={loaderData.ticket}
      state={actionData ?? {}}
      back={{ to: "/support", label: "Обратная связь" }}
      replyLabel="Ваш ответ менеджеру"
    />
  );
}
