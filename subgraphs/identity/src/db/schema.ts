import type { Role } from "@dpp/auth";
import type { Branding, TenantDefinition } from "@dpp/tenant";
import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
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

/** ES256 keys that sign access tokens; the oldest one signs, all public halves are published. */
export const signingKeys = identity.table("signing_keys", {
  kid: text().primaryKey(),
  privateJwk: jsonb().$type<JWK>().notNull(),
  publicJwk: jsonb().$type<JWK>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// ---------- tenant tables (tenant_id first, in the PK and every FK) ----------

const ROLES = [
  "dealer",
  "dealer_admin",
  "manager",
  "tenant_admin",
  "platform_admin",
] as const satisfies readonly Role[];

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("memberships_user_idx").on(t.userId),
    uniqueIndex("memberships_tenant_user_company_uq").on(t.tenantId, t.userId, t.companyId),
    check("memberships_role_ck", sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(", ")})`)),
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("refresh_tokens_hash_uq").on(t.tenantId, t.tokenHash),
    index("refresh_tokens_family_idx").on(t.tenantId, t.familyId),
    foreignKey({ columns: [t.tenantId, t.replacedBy], foreignColumns: [t.tenantId, t.id] }),
  ],
);
