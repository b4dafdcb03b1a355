import { newId, withTenant } from "@dpp/db";
import { forbidden, requireUser } from "@dpp/server";
import { and, desc, eq, sql } from "drizzle-orm";
import type { IdentityContext } from "../context.ts";
import { TICKET_STATUSES, ticketMessages, tickets } from "../db/schema.ts";
import { requireStaff } from "../services/access.ts";
import { audit, type Notification, sendMail } from "../services/support.ts";
import { viewerPersonalManager } from "../services/viewer.ts";
import { bodyProblem, recipientOf, type TicketSide, ticketMail, ticketProblems } from "./rules.ts";

export type TicketRow = typeof tickets.$inferSelect;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface TicketError {
  __typename: "TicketError";
  code: "VALIDATION" | "NOT_FOUND" | "FEATURE_DISABLED";
  message: string;
  fields: { field: string; message: string }[];
}
const ticketError = (code: TicketError["code"], message: string, fields: TicketError["fields"] = []): TicketError => ({
  __typename: "TicketError",
  code,
  message,
  fields,
});
const notFound = () => ticketError("NOT_FOUND", "Тикет не найден");

/** A dealer (its company's tickets) or the supplier's staff (the tenant's); anyone else is refused. */
function caller(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (a.companyId) return { a, side: "dealer" as TicketSide, companyId: a.companyId };
  return { a: requireStaff(ctx), side: "manager" as TicketSide, companyId: null };
}

const scoped = (tenantId: string, companyId: string | null) =>
  and(eq(tickets.tenantId, tenantId), companyId ? eq(tickets.companyId, companyId) : undefined);

/** The caller's tickets, latest activity first: a dealer its company's, staff the tenant's. */
export function listTickets(ctx: IdentityContext, status: TicketStatus | null) {
  const c = caller(ctx);
  return withTenant(ctx.db, c.a.tenantId, (tx) =>
    tx
      .select()
      .from(tickets)
      .where(and(scoped(c.a.tenantId, c.companyId), status ? eq(tickets.status, status) : undefined))
      .orderBy(desc(tickets.updatedAt), desc(tickets.number))
      .limit(200),
  );
}

/** One ticket the caller may see, or null. */
export async function ticketById(ctx: IdentityContext, id: string): Promise<TicketRow | null> {
  const c = caller(ctx);
  const [row] = await withTenant(ctx.db, c.a.tenantId, (tx) =>
    tx
      .select()
      .from(tickets)
      .where(and(scoped(c.a.tenantId, c.companyId), eq(tickets.id, id))),
  );
  return row ?? null;
}

/** A ticket's messages, oldest first. */
export function messagesOf(ctx: IdentityContext, t: TicketRow) {
  return withTenant(ctx.db, t.tenantId, (tx) =>
    tx
      .select()
      .from(ticketMessages)
      .where(and(eq(ticketMessages.tenantId, t.tenantId), eq(ticketMessages.ticketId, t.id)))
      .orderBy(ticketMessages.createdAt, ticketMessages.id),
  );
}

/**
 * Mails the other side about a new ticket or message (after the commit; without a mailer nobody
 * is mailed and the history says so by listing no notification) and records it in the history.
 */
async function tell(ctx: IdentityContext, t: TicketRow, side: TicketSide, body: string, opened: boolean) {
  const tenant = await ctx.loaders.tenant.load(t.tenantId);
  const to = recipientOf(side, t, tenant?.definition.contactEmail ?? "");
  const recipient = "userId" in to ? await ctx.loaders.user.load(to.userId) : null;
  const email = "email" in to ? to.email : (recipient?.email ?? "");
  const [author, company] = await Promise.all([
    ctx.loaders.user.load(side === "dealer" ? t.userId : (t.managerUserId ?? "")),
    ctx.loaders.company.load(t.companyId),
  ]);
  const path = side === "dealer" ? `/staff/tickets/${t.id}` : `/support/${t.id}`;
  const notifications: Notification[] = [];
  if (ctx.rt.mailer && email) {
    const mail = ticketMail({
      brand: tenant?.name ?? "",
      number: t.number,
      subject: t.subject,
      opened,
      side,
      author: side === "dealer" ? (author?.email ?? "") : (author?.fullName ?? ""),
      company: company?.name ?? "",
      body,
      link: `${ctx.rt.portalUrl}${path}`,
    });
    notifications.push(await sendMail(ctx, t.tenantId, { to: email, ...mail }));
  }
  await audit(ctx, t.tenantId, {
    action: opened ? "ticket.opened" : "ticket.message_added",
    companyId: t.companyId,
    objects: [{ type: "Ticket", id: t.id, label: `Тикет № ${t.number}: ${t.subject}` }],
    notifications,
  });
}

/** A dealer opens a ticket with its first message; it goes to the dealer's personal manager, if any. */
export async function openTicket(ctx: IdentityContext, input: { subject: string; body: string }) {
  const c = caller(ctx);
  if (c.side !== "dealer" || !c.companyId) throw forbidden("Тикет открывает дилер");
  const companyId = c.companyId;
  const tenant = await ctx.loaders.tenant.load(c.a.tenantId);
  if (!tenant?.definition.features.feedbackTickets)
    return ticketError("FEATURE_DISABLED", "Этот поставщик не ведет обратную связь в кабинете");
  const problems = ticketProblems(input);
  if (problems.length > 0)
    return ticketError("VALIDATION", problems.length === 1 ? (problems[0]?.message ?? "") : "Проверьте поля", problems);
  const managerUserId = await viewerPersonalManager(ctx, c.a);
  const tenantId = c.a.tenantId;
  const ticket = await withTenant(ctx.db, tenantId, async (tx) => {
    // One numbering per tenant: concurrent openings queue on this lock for the next number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tickets:${tenantId}`}))`);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${tickets.number}), 0)`.mapWith(Number) })
      .from(tickets)
      .where(eq(tickets.tenantId, tenantId));
    const [row] = await tx
      .insert(tickets)
      .values({
        tenantId,
        id: newId("tkt"),
        number: (last?.n ?? 0) + 1,
        companyId,
        userId: c.a.userId,
        managerUserId,
        subject: input.subject.trim(),
      })
      .returning();
    if (!row) throw new Error("ticket not inserted");
    await tx.insert(ticketMessages).values({
      tenantId,
      id: newId("tkm"),
      ticketId: row.id,
      authorUserId: c.a.userId,
      side: "dealer",
      body: input.body.trim(),
    });
    return row;
  });
  await tell(ctx, ticket, "dealer", input.body, true);
  return { ...ticket, __typename: "Ticket" as const };
}

/** Either side writes in a ticket (a closed one opens again); the other side is mailed. */
export async function postTicketMessage(ctx: IdentityContext, input: { ticketId: string; body: string }) {
  const c = caller(ctx);
  const problem = bodyProblem(input.body);
  if (problem) return ticketError("VALIDATION", problem, [{ field: "body", message: problem }]);
  const tenantId = c.a.tenantId;
  const ticket = await withTenant(ctx.db, tenantId, async (tx) => {
    const [t] = await tx
      .select()
      .from(tickets)
      .where(and(scoped(tenantId, c.companyId), eq(tickets.id, input.ticketId)))
      .for("update");
    if (!t) return null;
    await tx.insert(ticketMessages).values({
      tenantId,
      id: newId("tkm"),
      ticketId: t.id,
      authorUserId: c.a.userId,
      side: c.side,
      body: input.body.trim(),
    });
    const [row] = await tx
      .update(tickets)
      .set({
        status: "open",
        updatedAt: new Date(),
        ...(c.side === "manager" ? { managerUserId: c.a.userId } : {}),
      })
      .where(and(eq(tickets.tenantId, tenantId), eq(tickets.id, t.id)))
      .returning();
    return row ?? null;
  });
  if (!ticket) return notFound();
  await tell(ctx, ticket, c.side, input.body, false);
  return { ...ticket, __typename: "Ticket" as const };
}

/** Either side closes a ticket or opens it again. */
export async function setTicketStatus(ctx: IdentityContext, input: { ticketId: string; status: TicketStatus }) {
  const c = caller(ctx);
  const tenantId = c.a.tenantId;
  const [row] = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .update(tickets)
      .set({ status: input.status, updatedAt: new Date() })
      .where(and(scoped(tenantId, c.companyId), eq(tickets.id, input.ticketId)))
      .returning(),
  );
  if (!row) return notFound();
  await audit(ctx, tenantId, {
    action: input.status === "closed" ? "ticket.closed" : "ticket.reopened",
    companyId: row.companyId,
    objects: [{ type: "Ticket", id: row.id, label: `Тикет № ${row.number}: ${row.subject}` }],
  });
  return { ...row, __typename: "Ticket" as const };
}
