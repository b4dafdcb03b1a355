import { withTenant, withUser } from "@dpp/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { IdentityDb } from "../server.ts";
import { counterparties, dealerCompanies, memberships, refreshTokens, tenants, users } from "./schema.ts";

export type TenantRow = typeof tenants.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type CompanyRow = typeof dealerCompanies.$inferSelect;
export type CounterpartyRow = typeof counterparties.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
/** A membership with its tenant's slug (memberships are chosen and listed by slug). */
export type MembershipWithSlug = MembershipRow & { tenantSlug: string };

// ---------- platform tables ----------

export const listTenants = (db: IdentityDb) => db.select().from(tenants).orderBy(asc(tenants.slug));

export async function tenantBySlug(db: IdentityDb, slug: string): Promise<TenantRow | null> {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return row ?? null;
}

export const tenantsByIds = (db: IdentityDb, ids: readonly string[]) =>
  db
    .select()
    .from(tenants)
    .where(inArray(tenants.id, [...ids]));

export const usersByIds = (db: IdentityDb, ids: readonly string[]) =>
  db
    .select()
    .from(users)
    .where(inArray(users.id, [...ids]));

export async function userByEmail(db: IdentityDb, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export const companiesByIds = (db: IdentityDb, ids: readonly string[]) =>
  db
    .select()
    .from(dealerCompanies)
    .where(inArray(dealerCompanies.id, [...ids]));

export const counterpartiesByCompanyIds = (db: IdentityDb, companyIds: readonly string[]) =>
  db
    .select()
    .from(counterparties)
    .where(inArray(counterparties.companyId, [...companyIds]))
    .orderBy(asc(counterparties.name), asc(counterparties.id));

// ---------- memberships (RLS: own tenant, or own user across tenants) ----------

/** Every membership of one user in every tenant, ordered by tenant slug then id. */
export function membershipsOfUser(db: IdentityDb, userId: string): Promise<MembershipWithSlug[]> {
  return withUser(db, userId, (tx) =>
    tx
      .select({ m: memberships, tenantSlug: tenants.slug })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(tenants.slug), asc(memberships.id))
      .then((rows) => rows.map((r) => ({ ...r.m, tenantSlug: r.tenantSlug }))),
  );
}

/** Which of `userIds` are members of the tenant (visibility of User entities to its callers). */
export async function memberUserIds(db: IdentityDb, tenantId: string, userIds: readonly string[]) {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .selectDistinct({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.userId, [...userIds]))),
  );
  return new Set(rows.map((r) => r.id));
}

/** Which of `companyIds` deal with the tenant (visibility of DealerCompany entities). */
export async function memberCompanyIds(db: IdentityDb, tenantId: string, companyIds: readonly string[]) {
  const rows = await withTenant(db, tenantId, (tx) =>
    tx
      .selectDistinct({ id: memberships.companyId })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId), inArray(memberships.companyId, [...companyIds]))),
  );
  return new Set(rows.map((r) => r.id));
}

// ---------- refresh tokens (RLS: tenant) ----------

export type Tx = Parameters<Parameters<IdentityDb["transaction"]>[0]>[0];

/** A user's memberships in the transaction's tenant, with the tenant slug. */
export function membershipsInTenant(tx: Tx, tenantId: string, userId: string): Promise<MembershipWithSlug[]> {
  return tx
    .select({ m: memberships, tenantSlug: tenants.slug })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .orderBy(asc(memberships.id))
    .then((rows) => rows.map((r) => ({ ...r.m, tenantSlug: r.tenantSlug })));
}

export function insertRefreshToken(tx: Tx, row: typeof refreshTokens.$inferInsert) {
  return tx.insert(refreshTokens).values(row);
}

/** Locks the token row for the rest of the transaction (two refreshes of one token serialise). */
export async function lockRefreshToken(tx: Tx, tenantId: string, id: string): Promise<RefreshTokenRow | null> {
  const [row] = await tx
    .select()
    .from(refreshTokens)
    .where(and(eq(refreshTokens.tenantId, tenantId), eq(refreshTokens.id, id)))
    .for("update");
  return row ?? null;
}

export function markReplaced(tx: Tx, tenantId: string, id: string, replacedBy: string) {
  return tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()`, replacedBy })
    .where(and(eq(refreshTokens.tenantId, tenantId), eq(refreshTokens.id, id)));
}

export function revokeFamily(tx: Tx, tenantId: string, familyId: string) {
  return tx
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(refreshTokens.tenantId, tenantId), eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)),
    );
}

export { withTenant };
