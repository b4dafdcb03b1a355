import { loadConfig, z } from "@dpp/config";

/** Where outgoing e-mail goes: a real SMTP server, or (no SMTP configured) the dev mailbox table. */
export type MailConfig = { kind: "smtp"; url: string; from: string } | { kind: "dev-mailbox"; from: string };

export const DEFAULT_MAIL_FROM = "Дилерский портал <no-reply@dealer-portal.local>";

const smtpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "smtp:" || u.protocol === "smtps:";
  } catch {
    return false;
  }
}, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@smtp.example.com:587");

/**
 * The mail part of a service's environment. Services that send mail spread it into their own
 * schema (`z.object({ ...mailEnv.shape, ... })`) and call `toMailConfig`, so every problem is
 * reported in one error.
 */
export const mailEnv = z.object({
  /** Empty or missing: mail goes to the dev mailbox (PostgreSQL `mail.dev_messages`). */
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), smtpUrl.optional()),
  MAIL_FROM: z.string().min(3).default(DEFAULT_MAIL_FROM),
});

export function toMailConfig(env: z.output<typeof mailEnv>): MailConfig {
  return env.SMTP_URL
    ? { kind: "smtp", url: env.SMTP_URL, from: env.MAIL_FROM }
    : { kind: "dev-mailbox", from: env.MAIL_FROM };
}

export function mailConfigFromEnv(env: Record<string, string | undefined> = process.env): MailConfig {
  return loadConfig("mail", mailEnv.transform(toMailConfig), env);
}
