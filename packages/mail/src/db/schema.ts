import { index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

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

/**
 * Every SMS the platform sends, one row per (cause, recipient): the outbox handler that decides to
 * send inserts it (a repeat of the event inserts nothing), the insert enqueues one graphile-worker
 * job `sms_send` (trigger in 0001), and the job records the outcome. A tenant table (row-level
 * security): `tenant_id` first in the key.
 */
export const smsMessages = mail.table(
  "sms_messages",
  {
    tenantId: text().notNull(),
    id: text().notNull(),
    /** What caused it and for whom, e.g. `orders/evt_…/usr_…`: one SMS per event and recipient. */
    sourceKey: text().notNull(),
    /** The recipient's user id, when a user. */
    userId: text(),
    /** The destination in international digits (smsAddress). */
    toAddress: text().notNull(),
    body: text().notNull(),
    /** pending → sent; failed after the last attempt; not_configured when no SMSC is set up. */
    status: text({ enum: ["pending", "sent", "failed", "not_configured"] })
      .notNull()
      .default("pending"),
    attempts: integer().notNull().default(0),
    error: text(),
    /** The SMSC's message id (submit_sm_resp). */
    providerMessageId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("sms_messages_source_uq").on(t.tenantId, t.sourceKey),
  ],
);

/**
 * The development SMSC's inbox: what the dev stack's local SMPP sink received, shown at /dev/mail.
 * No tenant (SMPP carries none) and no row-level security, like `dev_messages`.
 */
export const devSms = mail.table(
  "dev_sms",
  {
    id: text().primaryKey(),
    sourceAddress: text().notNull(),
    destinationAddress: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_sms_created_at_idx").on(t.createdAt.desc(), t.id.desc())],
);
