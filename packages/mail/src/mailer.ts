import { newId } from "@dpp/db";
import nodemailer from "nodemailer";
import type postgres from "postgres";
import type { MailConfig } from "./config.ts";
import { insertDevMessage } from "./dev-mailbox.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The tenant the mail is sent for (kept in the dev mailbox; not a header). */
  tenantId?: string | null;
  /** Files sent with the message (the dev mailbox lists their names under the text). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Mailer {
  send(msg: MailMessage): Promise<{ messageId: string }>;
  /** Releases the SMTP connections; the caller owns (and ends) the `sql` pool it passed in. */
  close(): void;
}

/**
 * A mailer for the configured transport. `sql` (a pool whose role may insert into
 * `mail.dev_messages`) is required in dev-mailbox mode and ignored for SMTP.
 */
export function createMailer(config: MailConfig, sql?: postgres.Sql): Mailer {
  if (config.kind === "smtp") return smtpMailer(config.url, config.from);
  if (!sql) throw new Error("createMailer: the dev mailbox needs a PostgreSQL connection (sql)");
  return devMailboxMailer(sql, config.from);
}

function smtpMailer(url: string, from: string): Mailer {
  // nodemailer reads host, port, credentials and TLS (smtps: = implicit TLS) from the URL.
  const transport = nodemailer.createTransport(url);
  return {
    async send(msg) {
      const info = await transport.sendMail({
        from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html === undefined ? {} : { html: msg.html }),
        ...(msg.attachments?.length ? { attachments: msg.attachments } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}

function devMailboxMailer(sql: postgres.Sql, from: string): Mailer {
  return {
    async send(msg) {
      const id = newId("mail");
      await insertDevMessage(sql, {
        id,
        tenantId: msg.tenantId ?? null,
        to: msg.to,
        from,
        subject: msg.subject,
        text: msg.attachments?.length
          ? `${msg.text}\n\nВложения: ${msg.attachments.map((a) => `${a.filename} (${a.content.length} байт)`).join(", ")}`
          : msg.text,
        html: msg.html ?? null,
      });
      return { messageId: id };
    },
    close: () => {},
  };
}
