/// <reference path="./smpp-module.d.ts" />
import type { AddressInfo } from "node:net";
import smpp, { type Pdu } from "smpp";
import { SMS_SINGLE_UCS2 } from "./address.ts";
import type { SmsConfig } from "./config.ts";

export interface SmsSender {
  /** Whether SMS actually leave the platform (an SMSC is configured). */
  configured: boolean;
  /** Submits one SMS; resolves with the SMSC's message id, throws when the SMSC refuses or is unreachable. */
  send(msg: { to: string; text: string }): Promise<{ messageId: string }>;
}

const STATUS_TEXT: Record<number, string> = { 13: "bind failed", 11: "invalid destination", 8: "system error" };
const describe = (status: number) =>
  `SMPP status 0x${status.toString(16).padStart(4, "0")} ${STATUS_TEXT[status] ?? ""}`.trim();

/**
 * An SMPP 3.4 client (the maintained `smpp` package): one connection per message — bind as a
 * transmitter, submit_sm, unbind. Short texts go in `short_message`, longer ones in the
 * `message_payload` TLV (one message, the SMSC splits it); the package picks GSM 7-bit or UCS-2.
 */
export function createSmsSender(config: SmsConfig, timeoutMs = 10_000): SmsSender {
  if (config.kind === "none")
    return {
      configured: false,
      send: () => Promise.reject(new Error("SMS is not configured (SMS_SMPP_URL)")),
    };
  return {
    configured: true,
    send: ({ to, text }) =>
      new Promise((resolve, reject) => {
        const scheme = config.tls ? "ssmpp" : "smpp";
        const session = smpp.connect({ url: `${scheme}://${config.host}:${config.port}` });
        let settled = false;
        const finish = (error: Error | null, messageId?: string) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (error) session.destroy();
          if (error) reject(error);
          else resolve({ messageId: messageId ?? "" });
        };
        const timer = setTimeout(
          () => finish(new Error(`SMPP ${config.host}:${config.port}: no answer in ${timeoutMs} ms`)),
          timeoutMs,
        );
        session.on("error", (e: Error) => finish(new Error(`SMPP ${config.host}:${config.port}: ${e.message}`)));
        session.bind_transmitter({ system_id: config.systemId, password: config.password }, (bind) => {
          if (bind.command_status !== 0) return finish(new Error(`SMPP bind: ${describe(bind.command_status)}`));
          const body = text.length <= SMS_SINGLE_UCS2 ? { short_message: text } : { message_payload: text };
          session.submit_sm(
            {
              source_addr: config.source,
              source_addr_ton: /^\+?\d+$/.test(config.source) ? 1 : 5,
              destination_addr: to,
              dest_addr_ton: 1,
              dest_addr_npi: 1,
              ...body,
            },
            (r) => {
              if (r.command_status !== 0) return finish(new Error(`SMPP submit_sm: ${describe(r.command_status)}`));
              const id = r.message_id ?? "";
              session.unbind(() => session.close());
              finish(null, id);
            },
          );
        });
      }),
  };
}

/** One SMS as an SMPP server (the sink) received it. */
export interface ReceivedSms {
  systemId: string;
  from: string;
  to: string;
  text: string;
}

export interface SmppSink {
  /** smpp://<systemId>:<password>@127.0.0.1:<port> — ready for SMS_SMPP_URL. */
  url: string;
  close(): Promise<void>;
}

const textOf = (v: Pdu["short_message"]) => (typeof v === "string" ? v : (v?.message ?? ""));

/**
 * A real SMPP server that accepts transmitter binds with the given credentials and hands every
 * submitted SMS to `onMessage` (the dev stack's /dev/mail SMS list, tests). Not an SMSC: it
 * delivers nothing to phones.
 */
export async function startSmppSink(opts: {
  systemId: string;
  password: string;
  host?: string;
  port?: number;
  onMessage: (sms: ReceivedSms) => Promise<void> | void;
}): Promise<SmppSink> {
  let sequence = 0;
  const server = smpp.createServer((session) => {
    let bound: string | null = null;
    session.on("error", () => session.destroy());
    session.on("bind_transmitter", (pdu: Pdu) => {
      if (pdu.system_id !== opts.systemId || pdu.password !== opts.password) {
        session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      bound = pdu.system_id;
      session.send(pdu.response());
    });
    session.on("submit_sm", async (pdu: Pdu) => {
      if (!bound) return session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      session.pause();
      try {
        const text = textOf(pdu.message_payload) || textOf(pdu.short_message);
        await opts.onMessage({ systemId: bound, from: pdu.source_addr ?? "", to: pdu.destination_addr ?? "", text });
        sequence += 1;
        session.send(pdu.response({ message_id: `sink-${sequence}` }));
      } catch {
        session.send(pdu.response({ command_status: 0x08 }));
      } finally {
        session.resume();
      }
    });
    session.on("enquire_link", (pdu: Pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `smpp://${encodeURIComponent(opts.systemId)}:${encodeURIComponent(opts.password)}@${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of server.sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}
