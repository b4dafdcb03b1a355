/**
 * Test support (import from "@dpp/mail/testing"; never from production code): a real SMTP server
 * on 127.0.0.1 that records every message it receives, decoded with mailparser; a real SMPP server
 * that records every SMS.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { type ReceivedSms, startSmppSink } from "./sms/smpp.ts";

export interface ReceivedMail {
  /** SMTP envelope (MAIL FROM / RCPT TO), not the headers. */
  envelope: { from: string | null; to: string[] };
  /** Decoded headers and body. */
  subject: string;
  text: string;
  html: string | null;
  /** The message as it travelled (encoded words, transfer encodings). */
  raw: string;
  /** Attached files, decoded. */
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface TestSmtpServer {
  /** e.g. smtp://127.0.0.1:54321 — plain SMTP, no authentication. */
  url: string;
  messages: ReceivedMail[];
  /** Resolves once at least `count` messages have arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        try {
          const raw = Buffer.concat(chunks);
          const parsed = await simpleParser(raw);
          const mailFrom = session.envelope.mailFrom;
          messages.push({
            envelope: {
              from: mailFrom ? mailFrom.address : null,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            raw: raw.toString("utf8"),
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? "",
              contentType: a.contentType,
              content: a.content,
            })),
          });
          for (const wake of waiters) wake();
          callback();
        } catch (error) {
          callback(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} e-mail(s), received ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface TestSmppServer {
  /** smpp://test:secret@127.0.0.1:<port> — a real SMPP server; binds with other credentials fail. */
  url: string;
  messages: ReceivedSms[];
  /** Resolves once at least `count` SMS have arrived. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedSms[]>;
  close(): Promise<void>;
}

/** A real SMPP server on 127.0.0.1 that records every SMS submitted to it. */
export async function startTestSmppServer(): Promise<TestSmppServer> {
  const messages: ReceivedSms[] = [];
  const waiters = new Set<() => void>();
  const sink = await startSmppSink({
    systemId: "test",
    password: "secret",
    onMessage: (sms) => {
      messages.push(sms);
      for (const wake of waiters) wake();
    },
  });
  return {
    url: sink.url,
    messages,
    waitForMessages(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} SMS, received ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages);
        };
        waiters.add(check);
      });
    },
    close: () => sink.close(),
  };
}
