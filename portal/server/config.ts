import { httpUrl, loadConfig, nodeEnv, port, postgresUrl, secret, z } from "@dpp/config";

const booleanish = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ["1", "true", "yes", "on", "0", "false", "no", "off"].includes(v), "must be true or false")
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const schema = z
  .object({
    NODE_ENV: nodeEnv,
    HOST: z.string().default("127.0.0.1"),
    PORT: port(3000),
    GATEWAY_URL: httpUrl,
    DATABASE_URL: postgresUrl,
    SESSION_SECRET: secret,
    SMTP_URL: z.string().optional(),
    /** Shows /dev/mail (the dev mailbox). Defaults to on when no SMTP server is configured. */
    DEV_MAILBOX: booleanish.optional(),
    /** Secure flag on the session cookie; defaults to on in production. Off only for plain-HTTP demos. */
    SECURE_COOKIES: booleanish.optional(),
    /** Signs the portal's requests to the gateway (trusted documents); the gateway's PORTAL_CLIENT_SECRET. */
    PORTAL_CLIENT_SECRET: secret.optional(),
  })
  .transform((env) => ({
    env: env.NODE_ENV,
    http: { host: env.HOST, port: env.PORT },
    gatewayUrl: env.GATEWAY_URL,
    gatewayClientSecret: env.PORTAL_CLIENT_SECRET,
    database: { url: env.DATABASE_URL },
    session: { secret: env.SESSION_SECRET, secureCookie: env.SECURE_COOKIES ?? env.NODE_ENV === "production" },
    devMailbox: env.DEV_MAILBOX ?? !env.SMTP_URL,
  }));

export type PortalConfig = z.output<typeof schema>;

export const loadPortalConfig = (env: Record<string, string | undefined> = process.env): PortalConfig =>
  loadConfig("portal", schema, env);
