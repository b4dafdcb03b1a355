import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, port, postgresUrl, z } from "@dpp/config";
import { smsEnv, toSmsConfig } from "@dpp/mail";

export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const schema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    DATA_DIR: z.string().default(path.join(REPO_ROOT, ".data")),
    PG_PORT: port(54329),
    HOST: z.string().default("127.0.0.1"),
    GATEWAY_PORT: port(4000),
    IDENTITY_PORT: port(4001),
    CATALOG_PORT: port(4002),
    ORDERS_PORT: port(4003),
    FINANCE_PORT: port(4004),
    INVENTORY_PORT: port(4005),
    PORTAL_PORT: port(3000),
    APP_DB_USER: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, "must be a plain role name")
      .default("dpp_app"),
    APP_DB_PASSWORD: z.string().min(12).optional(),
    INTERNAL_TOKEN_SECRET: z.string().min(32).optional(),
    SESSION_SECRET: z.string().min(32).optional(),
    /** Signs the portal's requests to the gateway (trusted documents). */
    PORTAL_CLIENT_SECRET: z.string().min(32).optional(),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Дилерский портал <no-reply@dealer-portal.local>"),
    /** An SMSC; without it `npm start` runs a local SMPP sink whose SMS show at /dev/mail. */
    ...smsEnv.shape,
    SEED: z.enum(["if-empty", "always", "never"]).default("if-empty"),
  })
  .transform((e) => ({
    database: e.DATABASE_URL
      ? ({ kind: "external", adminUrl: e.DATABASE_URL } as const)
      : ({ kind: "embedded", dataDir: path.join(e.DATA_DIR, "pg"), port: e.PG_PORT } as const),
    dataDir: e.DATA_DIR,
    host: e.HOST,
    ports: {
      gateway: e.GATEWAY_PORT,
      identity: e.IDENTITY_PORT,
      catalog: e.CATALOG_PORT,
      orders: e.ORDERS_PORT,
      finance: e.FINANCE_PORT,
      inventory: e.INVENTORY_PORT,
      portal: e.PORTAL_PORT,
    },
    appRole: { user: e.APP_DB_USER, password: e.APP_DB_PASSWORD },
    secrets: {
      internalToken: e.INTERNAL_TOKEN_SECRET,
      session: e.SESSION_SECRET,
      portalClient: e.PORTAL_CLIENT_SECRET,
    },
    mail: e.SMTP_URL
      ? ({ kind: "smtp", url: e.SMTP_URL, from: e.MAIL_FROM } as const)
      : ({ kind: "dev-mailbox", from: e.MAIL_FROM } as const),
    sms: toSmsConfig(e),
    smsSender: e.SMS_SENDER,
    seed: e.SEED,
  }));

export type DevstackConfig = z.output<typeof schema>;

export function loadDevstackConfig(env: Record<string, string | undefined> = process.env): DevstackConfig {
  return loadConfig("npm start", schema, env);
}

/**
 * Development secrets: taken from the environment, else generated once and kept in
 * DATA_DIR/secrets.json (so sessions and the app role survive restarts). Production sets them.
 */
export function resolveSecrets(config: DevstackConfig) {
  const file = path.join(config.dataDir, "secrets.json");
  let stored: Record<string, string> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const gen = () => randomBytes(24).toString("base64url");
  const next = {
    internalToken: config.secrets.internalToken ?? stored.internalToken ?? gen() + gen(),
    session: config.secrets.session ?? stored.session ?? gen() + gen(),
    portalClient: config.secrets.portalClient ?? stored.portalClient ?? gen() + gen(),
    appDbPassword: config.appRole.password ?? stored.appDbPassword ?? gen(),
  };
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  return next;
}
