import { loadTickets } from "../lib/tickets.server";
import { TicketFilter, TicketTable } from "../ui/tickets";
import type { Route } from "./+types/staff-tickets";

export const meta: Route.MetaFunction = () => [{ title: "Обратная связь дилеров — Кабинет поставщика" }];

export const loader = ({ request, context }: Route.LoaderArgs) => loadTickets(request, context);

/** The supplier's side: every dealer's tickets, the latest activity first. */
export default function StaffTickets({ loaderData }: Route.ComponentProps) {
  const { tickets, status } = loaderData;
  return (
    <>
      <h1>Обратная связь дилеров</h1>
      <TicketFilter status={status} />
      <TicketTable tickets={tickets} base="/staff/tickets" staff />
    </>
  );
}
