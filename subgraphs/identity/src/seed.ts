import type { Role } from "@dpp/auth";
import { withTenant } from "@dpp/db";
import { parseTenantDefinition, type TenantDefinition } from "@dpp/tenant";
import { hash } from "@node-rs/argon2";
import { inArray } from "drizzle-orm";
import { counterparties, dealerCompanies, memberships, tenants, users } from "./db/schema.ts";
import { normalizeEmail } from "./domain/email.ts";
import type { IdentityDb } from "./server.ts";

/**
 * What identity needs from the demo data set (structurally a subset of `DemoDataset` from
 * @dpp/seed: tenants[].definition, users, companies, memberships), so the whole data set can
 * be passed as is.
 */
export interface IdentitySeedData {
  tenants: readonly { id: string; definition: TenantDefinition }[];
  users: readonly {
    id: string;
    email: string;
    password: string;
    fullName: string;
    phone: string | null;
    mustChangePassword?: boolean;
  }[];
  companies: readonly {
    id: string;
    name: string;
    counterparties: readonly { id: string; name: string; inn: string; kpp: string | null; address: string | null }[];
  }[];
  memberships: readonly {
    id: string;
    tenantId: string;
    userId: string;
    companyId: string | null;
    role: Role;
    permissions: readonly string[];
    counterpartyIds?: readonly string[];
  }[];
}

/**
 * Idempotent: inserts what is missing and leaves existing rows alone. Passwords are hashed
 * (argon2id) only for users that do not exist yet, so re-seeding is fast.
 */
export async function seedIdentity(db: IdentityDb, data: IdentitySeedData): Promise<void> {
  if (data.tenants.length > 0) {
    const rows = data.tenants.map((t) => {
      const definition = parseTenantDefinition(t.definition);
      const { slug, name, description, branding } = definition;
      return { id: t.id, slug, name, description, branding, definition };
    });
    await db.insert(tenants).values(rows).onConflictDoNothing();
  }

  if (data.users.length > 0) {
    const existing = await db
      .select({ id: users.id })
      .from(users)
      .where(
        inArray(
          users.id,
          data.users.map((u) => u.id),
        ),
      );
    const known = new Set(existing.map((r) => r.id));
    const missing = data.users.filter((u) => !known.has(u.id));
    const rows = await Promise.all(
      missing.map(async (u) => ({
        id: u.id,
        email: normalizeEmail(u.email),
        passwordHash: await hash(u.password),
        fullName: u.fullName,
        phone: u.phone,
        mustChangePassword: u.mustChangePassword ?? false,
      })),
    );
    if (rows.length > 0) await db.insert(users).values(rows).onConflictDoNothing();
  }

  if (data.companies.length > 0) {
    await db
      .insert(dealerCompanies)
      .values(data.companies.map((c) => ({ id: c.id, name: c.name })))
      .onConflictDoNothing();
    const cps = data.companies.flatMap((c) => c.counterparties.map((cp) => ({ ...cp, companyId: c.id })));
    if (cps.length > 0) await db.insert(counterparties).values(cps).onConflictDoNothing();
  }

  const tenantIds = [...new Set(data.memberships.map((m) => m.tenantId))];
  for (const tenantId of tenantIds) {
    const list = data.memberships.filter((m) => m.tenantId === tenantId);
    await withTenant(db, tenantId, (tx) =>
      tx
        .insert(memberships)
        .values(
          list.map((m) => ({ ...m, permissions: [...m.permissions], counterpartyIds: [...(m.counterpartyIds ?? [])] })),
        )
        .onConflictDoNothing(),
    );
  }
}
