import type { FieldProblem } from "../domain/registration.ts";

/** Pure rules of feedback tickets: what a ticket and a message may be, who is told, the mails. */

export const SUBJECT_MAX = 200;
export const BODY_MAX = 4000;

/** Why a message's text cannot be sent (null when it can). */
export function bodyProblem(body: string): string | null {
  const b = body.trim();
  if (!b) return "Напишите сообщение";
  if (b.length > BODY_MAX) return `Сообщение длиннее ${BODY_MAX} символов`;
  return null;
}

/** Every problem of a new ticket, field by field. */
export function ticketProblems(input: { subject: string; body: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const subject = input.subject.trim();
  if (subject.length < 3) problems.push({ field: "subject", message: "Укажите тему (не короче 3 символов)" });
  else if (subject.length > SUBJECT_MAX)
    problems.push({ field: "subject", message: `Тема длиннее ${SUBJECT_MAX} символов` });
  const body = bodyProblem(input.body);
  if (body) problems.push({ field: "body", message: body });
  return problems;
}

export type TicketSide = "dealer" | "manager";

/**
 * Who hears of a new message: the dealer who opened the ticket when the supplier writes; the
 * ticket's manager when the dealer writes, else (nobody answering yet) the supplier's contact
 * address. Returns a user id or the address.
 */
export function recipientOf(
  side: TicketSide,
  ticket: { userId: string; managerUserId: string | null },
  contactEmail: string,
): { userId: string } | { email: string } {
  if (side === "manager") return { userId: ticket.userId };
  return ticket.managerUserId ? { userId: ticket.managerUserId } : { email: contactEmail };
}

/** The mail about a new ticket or message, in Russian, with the link to the ticket's page. */
export function ticketMail(input: {
  brand: string;
  number: number;
  subject: string;
  opened: boolean;
  side: TicketSide;
  author: string;
  company: string;
  body: string;
  link: string;
}) {
  const who = input.side === "dealer" ? `Дилер «${input.company}» (${input.author})` : `Менеджер ${input.author}`;
  const what = input.opened
    ? `${who} открыл тикет № ${input.number} «${input.subject}»:`
    : `${who} написал в тикет № ${input.number} «${input.subject}»:`;
  return {
    subject: `${input.brand}: обратная связь — тикет № ${input.number}${input.opened ? "" : ", новое сообщение"}`,
    text: `Здравствуйте!\n\n${what}\n\n${input.body.trim()}\n\nОтветить: ${input.link}\n\n—\nЛичный кабинет ${input.brand}, раздел «Обратная связь».`,
  };
}
