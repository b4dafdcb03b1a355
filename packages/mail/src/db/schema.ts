import { index, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

export const mail = pgSchema("mail");

/**
 * The development mailbox: when no SMTP server is configured, every outgoing e-mail lands here so
 * the portal can show it at /dev/mail.
 *
 * The tenant column is deliberately NOT called `tenant_id`: the shared migrator turns on (forced)
 * row-level security for every table with a `tenant_id` column, but this mailbox is a development
 * tool read without any tenant in scope (one page listing every tenant's mail). The tenant is kept
 * for display and filtering only; this table never holds production data.
 */
export const devMessages = mail.table(
  "dev_messages",
  {
    id: text().primaryKey(),
    recipientTenantId: text(),
    toAddress: text().notNull(),
    fromAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_messages_created_at_idx").on(t.createdAt.desc(), t.id.desc())],
);
