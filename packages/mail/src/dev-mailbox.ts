import { desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { devMessages } from "./db/schema.ts";

/** One message as the /dev/mail page shows it. */
export interface DevMessage {
  id: string;
  /** The tenant the message was sent on behalf of; null for platform mail. */
  tenantId: string | null;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
}

export interface NewDevMessage {
  id: string;
  tenantId: string | null;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
}

const open = (sql: postgres.Sql) => drizzle(sql, { casing: "snake_case" });

type Row = typeof devMessages.$inferSelect;
const toMessage = (r: Row): DevMessage => ({
  id: r.id,
  tenantId: r.recipientTenantId,
  to: r.toAddress,
  from: r.fromAddress,
  subject: r.subject,
  text: r.textBody,
  html: r.htmlBody,
  createdAt: r.createdAt,
});

export async function insertDevMessage(sql: postgres.Sql, m: NewDevMessage): Promise<void> {
  await open(sql).insert(devMessages).values({
    id: m.id,
    recipientTenantId: m.tenantId,
    toAddress: m.to,
    fromAddress: m.from,
    subject: m.subject,
    textBody: m.text,
    htmlBody: m.html,
  });
}

/** Newest first. */
export async function listDevMessages(sql: postgres.Sql, limit = 50): Promise<DevMessage[]> {
  const rows = await open(sql)
    .select()
    .from(devMessages)
    .orderBy(desc(devMessages.createdAt), desc(devMessages.id))
    .limit(Math.max(1, Math.min(limit, 500)));
  return rows.map(toMessage);
}

export async function getDevMessage(sql: postgres.Sql, id: string): Promise<DevMessage | null> {
  const [row] = await open(sql).select().from(devMessages).where(eq(devMessages.id, id)).limit(1);
  return row ? toMessage(row) : null;
}
