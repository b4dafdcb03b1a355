import { index, jsonb, pgSchema, text, timestamp } from "drizzle-orm/pg-core";

export const portal = pgSchema("portal");

/**
 * Server-side sessions of the portal (BFF). The browser holds only a signed cookie with a random
 * value; `id` is the SHA-256 (hex) of that value, so a leaked table does not yield usable cookies.
 * The gateway tokens never leave the server.
 */
export const sessions = portal.table(
  "sessions",
  {
    id: text().primaryKey(),
    accessToken: text().notNull(),
    refreshToken: text().notNull(),
    accessExpiresAt: timestamp({ withTimezone: true }).notNull(),
    tenantSlug: text().notNull(),
    /** Non-secret per-session state: the active draft id, one-time flash messages. */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_expires_at_idx").on(t.expiresAt)],
);
