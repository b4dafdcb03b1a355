import type { Role } from "@dpp/auth";
import type { Branding, TenantDefinition } from "@dpp/tenant";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { JWK } from "jose";

export const identity = pgSchema("identity");

// ---------- platform-level tables (no tenant_id, no RLS) ----------

/** A supplier running its portal on the platform. `definition` is the full validated TenantDefinition. */
export const tenants = identity.table("tenants", {
  id: text().primaryKey(),
  slug: text().notNull().unique("tenants_slug_uq"),
  name: text().notNull(),
  description: text().notNull(),
  branding: jsonb().$type<Branding>().notNull(),
  definition: jsonb().$type<TenantDefinition>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A person with one login across every tenant. The e-mail is stored lower-case. */
export const users = identity.table(
  "users",
  {
    id: text().primaryKey(),
    email: text().notNull().unique("users_email_uq"),
    passwordHash: text().notNull(),
    fullName: text().notNull(),
    phone: text(),
    surname: text(),
    givenName: text(),
    patronymic: text(),
    /** Extra phones and e-mails the profile lists (the login e-mail is `email`). */
    phones: text().array().notNull().default(sql`'{}'::text[]`),
    extraEmails: text().array().notNull().default(sql`'{}'::text[]`),
    region: text(),
    birthDate: date({ mode: "string" }),
    /** Set for invited and staff-created accounts: the generated password must be changed first. */
    mustChangePassword: boolean().notNull().default(false),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [check("users_email_lower_ck", sql.raw("email = lower(email)"))],
);

/** A buying organisation; one company may deal with several tenants. */
export const dealerCompanies = identity.table("dealer_companies", {
  id: text().primaryKey(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A legal entity of a dealer company. */
export const counterparties = identity.table(
  "counterparties",
  {
    id: text().primaryKey(),
    companyId: text()
      .notNull()
      .references(() => dealerCompanies.id),
    name: text().notNull(),
    inn: text().notNull(),
    kpp: text(),
    address: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("counterparties_company_idx").on(t.companyId)],
);

/** A retail outlet of a dealer company (vitup: one cabinet per outlet, from a supply contract). */
export const outlets = identity.table(
  "outlets",
  {
    id: text().primaryKey(),
    companyId: text()
      .notNull()
      .references(() => dealerCompanies.id),
    name: text().notNull(),
    address: text(),
    email: text().notNull(),
    phone: text(),
    contractNumber: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outlets_company_idx").on(t.companyId)],
);

/**
 * ES256 keys that sign access tokens. The newest key that is not retired signs; a retired key
 * stays in the JWKS until every token it signed has expired.
 */
export const signingKeys = identity.table("signing_keys", {
  kid: text().primaryKey(),
  privateJwk: jsonb().$type<JWK>().notNull(),
  publicJwk: jsonb().$type<JWK>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp({ withTimezone: true }),
});

/** rate-limiter-flexible's RateLimiterDrizzle store: counters per key (IP or account), platform-wide. */
export const rateLimits = identity.table("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expire: timestamp({ withTimezone: true }),
});

// ---------- tenant tables (tenant_id first, in the PK and every FK) ----------

const ROLES = [
  "dealer",
  "dealer_admin",
  "manager",
  "tenant_admin",
  "platform_admin",
] as const satisfies readonly Role[];

export const MEMBERSHIP_STATUSES = ["pending", "view_only", "active", "blocked"] as const;

/**
 * A user's access to one tenant, for one dealer company (null for supplier staff).
 * RLS: its own policy (custom migration) lets a user see their memberships in every tenant.
 */
export const memberships = identity.table(
  "memberships",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id),
    companyId: text().references(() => dealerCompanies.id),
    role: text({ enum: ROLES }).notNull(),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    status: text({ enum: MEMBERSHIP_STATUSES }).notNull().default("active"),
    /** The dealer's personal manager (a staff user of the tenant); null = the managers' pool. */
    managerUserId: text().references(() => users.id),
    /** Counterparties of the company this user works for; empty = all of them. */
    counterpartyIds: text().array().notNull().default(sql`'{}'::text[]`),
    /** The questionnaire's answers (keaz): customer type and newsletter consent. */
    customerType: text(),
    newsletter: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("memberships_user_idx").on(t.userId),
    uniqueIndex("memberships_tenant_user_company_uq").on(t.tenantId, t.userId, t.companyId),
    check("memberships_role_ck", sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(", ")})`)),
    check("memberships_status_ck", sql.raw(`status in (${MEMBERSHIP_STATUSES.map((r) => `'${r}'`).join(", ")})`)),
  ],
);

/**
 * Rotating refresh tokens, stored as SHA-256 hashes. One family per login; every refresh
 * revokes the used token and points `replaced_by` at its successor.
 */
export const refreshTokens = identity.table(
  "refresh_tokens",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull(),
    familyId: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    replacedBy: text(),
    /** The counterparty the session acts for (selectCounterparty); carried to the next token on refresh. */
    counterpartyId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("refresh_tokens_hash_uq").on(t.tenantId, t.tokenHash),
    index("refresh_tokens_family_idx").on(t.tenantId, t.familyId),
    foreignKey({ columns: [t.tenantId, t.replacedBy], foreignColumns: [t.tenantId, t.id] }),
  ],
);

/**
 * Single-use links and codes (activation, questionnaire, recovery, e-mail change). Only the
 * SHA-256 of the link token is stored; `data` holds what the step needs (never a secret).
 */
export const actionTokens = identity.table(
  "action_tokens",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    purpose: text({ enum: ["activate", "questionnaire", "recover", "email_change"] }).notNull(),
    tokenHash: text().notNull(),
    email: text().notNull(),
    userId: text().references(() => users.id),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index("action_tokens_email_idx").on(t.tenantId, t.email)],
);

/** Integrators' keys: scoped to tenant + company + a subset of the creator's rights; stored hashed. */
export const apiKeys = identity.table(
  "api_keys",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    companyId: text()
      .notNull()
      .references(() => dealerCompanies.id),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    name: text().notNull(),
    keyHash: text().notNull(),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex("api_keys_hash_uq").on(t.tenantId, t.keyHash)],
);

/** Who did what, when, from where, to which objects, and which notifications it sent. */
export const auditEvents = identity.table(
  "audit_events",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    requestId: text(),
    /** The initiator: a user id, or null for the system / an anonymous caller. */
    actorUserId: text(),
    /** How the initiator is shown: an e-mail, "система", "API-ключ …". */
    actorLabel: text().notNull(),
    companyId: text(),
    action: text().notNull(),
    objects: jsonb().$type<{ type: string; id: string; label?: string }[]>().notNull().default([]),
    notifications: jsonb().$type<{ channel: string; to: string; subject: string }[]>().notNull().default([]),
    /** Which subgraph recorded it (identity, orders, …). */
    source: text().notNull().default("identity"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("audit_events_time_idx").on(t.tenantId, t.occurredAt),
    index("audit_events_company_idx").on(t.tenantId, t.companyId, t.occurredAt),
  ],
);

/**
 * Integrators' webhook subscriptions: a company's URL receives the listed topics of its own events
 * (and the tenant-wide ones). The signing secret is kept readable (the worker signs with it) and
 * shown to the integrator once.
 */
export const webhookSubscriptions = identity.table(
  "webhook_subscriptions",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    companyId: text()
      .notNull()
      .references(() => dealerCompanies.id),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    url: text().notNull(),
    topics: text().array().notNull(),
    secret: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("webhook_subscriptions_company_idx").on(t.tenantId, t.companyId),
  ],
);

/**
 * One event for one subscription, with its latest attempt. Inserting a row (or bumping
 * `generation` for a manual redelivery) enqueues a `webhook_delivery` job (trigger in 0005).
 */
export const webhookDeliveries = identity.table(
  "webhook_deliveries",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    subscriptionId: text().notNull(),
    /** The source event: `<schema>/<outbox id>`. */
    eventId: text().notNull(),
    topic: text().notNull(),
    /** The exact JSON body POSTed (Standard Webhooks: type, timestamp, data). */
    body: text().notNull(),
    status: text({ enum: ["pending", "retrying", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempt: integer().notNull().default(0),
    maxAttempts: integer().notNull(),
    generation: integer().notNull().default(0),
    responseCode: integer(),
    durationMs: integer(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.subscriptionId],
      foreignColumns: [webhookSubscriptions.tenantId, webhookSubscriptions.id],
    }).onDelete("cascade"),
    uniqueIndex("webhook_deliveries_event_uq").on(t.tenantId, t.subscriptionId, t.eventId),
    index("webhook_deliveries_time_idx").on(t.tenantId, t.subscriptionId, t.createdAt),
  ],
);

/**
 * Every saved version of a tenant's definition (decision 0018): the latest is the current one;
 * `identity.tenants.definition` mirrors it. Inserting a row enqueues the `tenant_config` job (trigger
 * in 0007) that brings the other subgraphs up to it.
 */
export const tenantConfigVersions = identity.table(
  "tenant_config_versions",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    version: integer().notNull(),
    definition: jsonb().$type<TenantDefinition>().notNull(),
    /** Who saved it; null for the platform itself (the definition the tenant was loaded with). */
    authorUserId: text().references(() => users.id),
    comment: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

export const TICKET_STATUSES = ["open", "closed"] as const;

/**
 * Feedback tickets (spectr's «Обратная связь»): a dealer's correspondence with the supplier's
 * managers. `number` counts per tenant (Тикет № 157); `managerUserId` is the manager answering it
 * (the dealer's personal manager at first, then whoever replied last).
 */
export const tickets = identity.table(
  "tickets",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    number: integer().notNull(),
    companyId: text()
      .notNull()
      .references(() => dealerCompanies.id),
    /** The dealer user who opened it. */
    userId: text()
      .notNull()
      .references(() => users.id),
    managerUserId: text().references(() => users.id),
    subject: text().notNull(),
    status: text({ enum: TICKET_STATUSES }).notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("tickets_number_uq").on(t.tenantId, t.number),
    index("tickets_company_idx").on(t.tenantId, t.companyId, t.updatedAt),
    check("tickets_status_ck", sql.raw(`status in (${TICKET_STATUSES.map((s) => `'${s}'`).join(", ")})`)),
  ],
);

/** One message of a ticket, from the dealer's side or the supplier's. */
export const ticketMessages = identity.table(
  "ticket_messages",
  {
    tenantId: text()
      .notNull()
      .references(() => tenants.id),
    id: text().notNull(),
    ticketId: text().notNull(),
    authorUserId: text()
      .notNull()
      .references(() => users.id),
    side: text({ enum: ["dealer", "manager"] }).notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.ticketId], foreignColumns: [tickets.tenantId, tickets.id] }).onDelete(
      "cascade",
    ),
    index("ticket_messages_ticket_idx").on(t.tenantId, t.ticketId, t.createdAt),
  ],
);
