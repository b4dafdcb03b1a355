import { z } from "@dpp/config";

/**
 * Where SMS go: an SMSC over SMPP 3.4 (`smpp://system_id:password@host:2775`, `ssmpp://` for TLS),
 * or nowhere (`none`): then every SMS is recorded as not sent because SMS is not configured.
 */
export type SmsConfig =
  | {
      kind: "smpp";
      url: string;
      host: string;
      port: number;
      tls: boolean;
      systemId: string;
      password: string;
      source: string;
    }
  | { kind: "none" };

const smppUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "smpp:" || u.protocol === "ssmpp:") && u.hostname !== "" && u.username !== "";
  } catch {
    return false;
  }
}, "must be smpp://system_id:password@host:port (ssmpp:// for TLS)");

/** The SMS part of a service's environment (spread into its schema like `mailEnv`). */
export const smsEnv = z.object({
  /** Empty or missing: SMS are not sent (recorded as not configured). */
  SMS_SMPP_URL: z.preprocess((v) => (v === "" ? undefined : v), smppUrl.optional()),
  /** The sender shown on the phone: up to 11 Latin letters/digits (alphanumeric) or a number. */
  SMS_SENDER: z
    .string()
    .regex(/^([A-Za-z0-9 ._-]{1,11}|\+?\d{3,15})$/, "must be up to 11 Latin letters/digits, or a phone number")
    .default("Portal"),
});

export function toSmsConfig(env: z.output<typeof smsEnv>): SmsConfig {
  if (!env.SMS_SMPP_URL) return { kind: "none" };
  const u = new URL(env.SMS_SMPP_URL);
  const tls = u.protocol === "ssmpp:";
  return {
    kind: "smpp",
    url: env.SMS_SMPP_URL,
    host: u.hostname,
    port: u.port ? Number(u.port) : tls ? 3550 : 2775,
    tls,
    systemId: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    source: env.SMS_SENDER,
  };
}
