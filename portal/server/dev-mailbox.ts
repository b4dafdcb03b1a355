import type { Sql } from "postgres";
import type { DevMailbox, DevMailMessage, DevSmsMessage } from "../app/context.ts";

/** Table missing, schema missing, or no grant yet: the mailbox is simply empty. */
const ABSENT = new Set(["42P01", "3F000", "42501"]);

interface Row {
  id: string;
  recipient_tenant_id: string | null;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  created_at: Date | string;
}

const toMessage = (r: Row): DevMailMessage => ({
  id: String(r.id),
  recipientTenantId: r.recipient_tenant_id,
  toAddress: r.to_address,
  fromAddress: r.from_address,
  subject: r.subject,
  textBody: r.text_body,
  htmlBody: r.html_body,
  createdAt: new Date(r.created_at).toISOString(),
});

async function orEmpty<T>(fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (ABSENT.has((error as { code?: string }).code ?? "")) return fallback;
    throw error;
  }
}

/** Reads the dev mailbox (`mail.dev_messages`, written by packages/mail) and the dev SMS sink (`mail.dev_sms`) with plain SQL. */
export function createDevMailbox(sql: Sql): DevMailbox {
  return {
    list: (limit = 200) =>
      orEmpty([], async () => {
        const rows = await sql<Row[]>`
          select id, recipient_tenant_id, to_address, from_address, subject, null as text_body, null as html_body, created_at
          from mail.dev_messages order by created_at desc limit ${limit}`;
        return rows.map(toMessage);
      }),
    get: (id) =>
      orEmpty(null, async () => {
        const [row] = await sql<Row[]>`
          select id, recipient_tenant_id, to_address, from_address, subject, text_body, html_body, created_at
          from mail.dev_messages where id::text = ${id}`;
        return row ? toMessage(row) : null;
      }),
    sms: (limit = 200) =>
      orEmpty([] as DevSmsMessage[], async () => {
        const rows = await sql<{ id: string; from: string; to: string; text: string; created_at: Date | string }[]>`
          select id, source_address as from, destination_address as to, body as text, created_at
          from mail.dev_sms order by created_at desc, id desc limit ${limit}`;
        return rows.map((r) => ({
          id: r.id,
          from: r.from,
          to: r.to,
          text: r.text,
          createdAt: new Date(r.created_at).toISOString(),
        }));
      }),
  };
}
