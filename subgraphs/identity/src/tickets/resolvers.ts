import type { IdentityContext } from "../context.ts";
import type { ticketMessages } from "../db/schema.ts";
import {
  listTickets,
  messagesOf,
  openTicket,
  postTicketMessage,
  setTicketStatus,
  type TicketRow,
  type TicketStatus,
  ticketById,
} from "./service.ts";

type Ctx = IdentityContext;
type GqlStatus = "OPEN" | "CLOSED";
const toStatus = (s: GqlStatus | null | undefined): TicketStatus | null =>
  s ? (s === "OPEN" ? "open" : "closed") : null;
type MessageRow = typeof ticketMessages.$inferSelect;

/** Feedback tickets (tickets/schema.graphql); thin: the service checks who may do what. */
export const ticketResolvers = {
  Query: {
    tickets: (_: unknown, a: { status?: GqlStatus | null }, ctx: Ctx) => listTickets(ctx, toStatus(a.status)),
    ticket: (_: unknown, a: { id: string }, ctx: Ctx) => ticketById(ctx, a.id),
  },
  Mutation: {
    openTicket: (_: unknown, a: { input: { subject: string; body: string } }, ctx: Ctx) => openTicket(ctx, a.input),
    postTicketMessage: (_: unknown, a: { ticketId: string; body: string }, ctx: Ctx) => postTicketMessage(ctx, a),
    setTicketStatus: (_: unknown, a: { ticketId: string; status: GqlStatus }, ctx: Ctx) =>
      setTicketStatus(ctx, { ticketId: a.ticketId, status: toStatus(a.status) ?? "open" }),
  },
  TicketResult: {
    __resolveType: (r: { __typename?: string }) => r.__typename ?? "Ticket",
  },
  Ticket: {
    status: (t: TicketRow) => t.status.toUpperCase(),
    company: (t: TicketRow, _: unknown, ctx: Ctx) => ctx.loaders.company.load(t.companyId),
    author: (t: TicketRow, _: unknown, ctx: Ctx) => ctx.loaders.user.load(t.userId),
    manager: (t: TicketRow, _: unknown, ctx: Ctx) => (t.managerUserId ? ctx.loaders.user.load(t.managerUserId) : null),
    createdAt: (t: TicketRow) => t.createdAt.toISOString(),
    updatedAt: (t: TicketRow) => t.updatedAt.toISOString(),
    messages: (t: TicketRow, _: unknown, ctx: Ctx) => messagesOf(ctx, t),
  },
  TicketMessage: {
    author: (m: MessageRow, _: unknown, ctx: Ctx) => ctx.loaders.user.load(m.authorUserId),
    side: (m: MessageRow) => m.side.toUpperCase(),
    createdAt: (m: MessageRow) => m.createdAt.toISOString(),
  },
};
