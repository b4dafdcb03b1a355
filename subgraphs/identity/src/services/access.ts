import { randomInt } from "node:crypto";
import { newId, withTenant } from "@dpp/db";
import { requireUser } from "@dpp/server";
import { hash } from "@node-rs/argon2";
import { and, desc, eq, gte, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { GraphQLError } from "graphql";
import type { IdentityContext } from "../context.ts";
import { userByEmail } from "../db/queries.ts";
import { apiKeys, auditEvents, memberships, users } from "../db/schema.ts";
import { normalizeEmail } from "../domain/email.ts";
import { formatApiKey, hashLinkToken } from "../domain/link-token.ts";
import { mails } from "../domain/mail-text.ts";
import { generatePassword } from "../domain/password-policy.ts";
import { beyondGrantor, unknownPermissions } from "../domain/permissions.ts";
import { emailProblem } from "../domain/registration.ts";
import { revokeAllSessions } from "./sessions.ts";
import { accountError, audit, invalid, sendMail } from "./support.ts";

const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
const STAFF = new Set(["manager", "tenant_admin", "platform_admin"]);

export function requireDealerAdmin(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (!a.companyId || !a.roles.includes("dealer_admin")) throw forbidden("Только для администратора дилера");
  return { ...a, companyId: a.companyId };
}
export function requireStaff(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (!a.roles.some((r) => STAFF.has(r))) throw forbidden("Только для сотрудников поставщика");
  return a;
}

function checkRights(requested: string[], grantor: string[], field = "permissions") {
  const unknown = unknownPermissions(requested);
  if (unknown.length > 0) return invalid([{ field, message: `Нет таких прав: ${unknown.join(", ")}` }]);
  const beyond = beyondGrantor(requested, grantor);
  if (beyond.length > 0)
    return invalid([{ field, message: `Нельзя выдать права, которых нет у вас: ${beyond.join(", ")}` }]);
  return null;
}

/** Users of the dealer admin's company in this tenant. */
export function companyUsers(ctx: IdentityContext) {
  const a = requireDealerAdmin(ctx);
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select({ m: memberships, email: users.email, fullName: users.fullName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.tenantId, a.tenantId), eq(memberships.companyId, a.companyId)))
      .orderBy(users.email)
      .then((rows) => rows.map((r) => ({ ...r.m, email: r.email, fullName: r.fullName }))),
  );
}

/** The dealer admin adds a user by e-mail with rights; a new login gets a generated password by mail. */
export async function addCompanyUser(
  ctx: IdentityContext,
  input: { email: string; permissions: string[]; dealerAdmin: boolean },
) {
  const a = requireDealerAdmin(ctx);
  const e = emailProblem(input.email);
  if (e) return invalid([{ field: "email", message: e }]);
  const bad = checkRights(input.permissions, a.permissions);
  if (bad) return bad;
  if (!ctx.rt.mailer) return accountError("MAIL_UNAVAILABLE", "Отправка писем не настроена");
  const email = normalizeEmail(input.email);
  const existing = await userByEmail(ctx.db, email);
  const password = existing ? null : generatePassword(randomInt);
  const userId = existing?.id ?? newId("usr");
  const id = newId("mem");
  const added = await withTenant(ctx.db, a.tenantId, async (tx) => {
    if (!existing && password) {
      await tx
        .insert(users)
        .values({ id: userId, email, passwordHash: await hash(password), fullName: email, mustChangePassword: true });
    }
    const rows = await tx
      .insert(memberships)
      .values({
        tenantId: a.tenantId,
        id,
        userId,
        companyId: a.companyId,
        role: input.dealerAdmin ? "dealer_admin" : "dealer",
        permissions: [...new Set(input.permissions)],
        status: "active",
      })
      .onConflictDoNothing()
      .returning();
    return rows[0] ?? null;
  });
  if (!added) return invalid([{ field: "email", message: "Этот пользователь уже работает от имени вашей компании" }]);
  const tenant = await ctx.loaders.tenant.load(a.tenantId);
  const company = await ctx.loaders.company.load(a.companyId);
  const url = `${ctx.rt.portalUrl}/login?brand=${tenant?.slug ?? ""}`;
  const mail = password
    ? mails.credentials(tenant?.name ?? "", url, email, password)
    : mails.accessGranted(tenant?.name ?? "", url, company?.name ?? "");
  const n = await sendMail(ctx, a.tenantId, { to: email, ...mail });
  await audit(ctx, a.tenantId, {
    action: "company_user.added",
    objects: [{ type: "User", id: userId, label: email }],
    notifications: [n],
  });
  return { ...added, email, fullName: existing?.fullName ?? email, __typename: "CompanyUser" as const };
}

async function ownMembership(ctx: IdentityContext, tenantId: string, companyId: string, membershipId: string) {
  const [m] = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select()
      .from(memberships)
      .where(
        and(eq(memberships.tenantId, tenantId), eq(memberships.id, membershipId), eq(memberships.companyId, companyId)),
      ),
  );
  return m ?? null;
}

/** Changes a company user's rights (not one's own admin flag: a company never loses its last admin that way). */
export async function setCompanyUserRights(
  ctx: IdentityContext,
  input: { membershipId: string; permissions: string[]; dealerAdmin: boolean },
) {
  const a = requireDealerAdmin(ctx);
  const m = await ownMembership(ctx, a.tenantId, a.companyId, input.membershipId);
  if (!m) return accountError("NOT_FOUND", "Пользователь не найден в вашей компании");
  if (m.userId === a.userId && !input.dealerAdmin)
    return invalid([{ field: "dealerAdmin", message: "Нельзя снять права администратора с самого себя" }]);
  const bad = checkRights(input.permissions, a.permissions);
  if (bad) return bad;
  const [row] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .update(memberships)
      .set({ permissions: [...new Set(input.permissions)], role: input.dealerAdmin ? "dealer_admin" : "dealer" })
      .where(and(eq(memberships.tenantId, a.tenantId), eq(memberships.id, m.id)))
      .returning(),
  );
  await audit(ctx, a.tenantId, {
    action: "company_user.rights_changed",
    objects: [{ type: "Membership", id: m.id, label: input.permissions.join(", ") }],
  });
  const u = await ctx.loaders.user.load(m.userId);
  return { ...row, email: u?.email ?? "", fullName: u?.fullName ?? "", __typename: "CompanyUser" as const };
}

/**
 * Detaches a user from one counterparty (or, without one, from the company): the membership
 * keeps the other counterparties; detached from the last, it is removed and its sessions end.
 */
export async function detachCompanyUser(
  ctx: IdentityContext,
  input: { membershipId: string; counterpartyId?: string | null },
) {
  const a = requireDealerAdmin(ctx);
  const m = await ownMembership(ctx, a.tenantId, a.companyId, input.membershipId);
  if (!m) return accountError("NOT_FOUND", "Пользователь не найден в вашей компании");
  if (m.userId === a.userId) return invalid([{ field: "membershipId", message: "Нельзя отключить самого себя" }]);
  const all = (await ctx.loaders.counterparties.load(a.companyId)).map((c) => c.id);
  const current = m.counterpartyIds.length > 0 ? m.counterpartyIds : all;
  const rest = input.counterpartyId ? current.filter((id) => id !== input.counterpartyId) : [];
  await withTenant(ctx.db, a.tenantId, async (tx) => {
    const where = and(eq(memberships.tenantId, a.tenantId), eq(memberships.id, m.id));
    if (rest.length > 0) await tx.update(memberships).set({ counterpartyIds: rest }).where(where);
    else await tx.delete(memberships).where(where);
  });
  if (rest.length === 0) await revokeAllSessions(ctx.rt, m.userId);
  await audit(ctx, a.tenantId, {
    action: "company_user.detached",
    objects: [
      { type: "Membership", id: m.id },
      ...(input.counterpartyId ? [{ type: "Counterparty", id: input.counterpartyId }] : []),
    ],
  });
  return {
    __typename: "Accepted" as const,
    message: rest.length > 0 ? "Пользователь отключён от контрагента" : "Пользователь отключён от компании",
  };
}

// ---------- staff: approvals, blocking, personal managers ----------

/** Dealers awaiting approval: a manager sees its own dealers and the unassigned pool; admins see all. */
export function dealerApprovals(ctx: IdentityContext) {
  const a = requireStaff(ctx);
  const mine = a.roles.includes("manager") && !a.roles.includes("tenant_admin") && !a.roles.includes("platform_admin");
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select({ m: memberships, email: users.email, fullName: users.fullName })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, a.tenantId),
          inArray(memberships.status, ["pending", "view_only", "blocked"]),
          mine ? or(isNull(memberships.managerUserId), eq(memberships.managerUserId, a.userId)) : undefined,
        ),
      )
      .orderBy(memberships.createdAt)
      .then((rows) => rows.map((r) => ({ ...r.m, email: r.email, fullName: r.fullName }))),
  );
}

const DEALER_ACTIONS = { approve: "dealer.approved", block: "dealer.blocked", unblock: "dealer.unblocked" } as const;
const STATUS_ACTIONS = {
  approve: ["view_only", "active"],
  block: [null, "blocked"],
  unblock: ["blocked", "active"],
} as const;

/** approve (view-only → active), block (any → blocked, sessions end), unblock (blocked → active). */
export async function setDealerStatus(
  ctx: IdentityContext,
  input: { membershipId: string; action: keyof typeof STATUS_ACTIONS },
) {
  const a = requireStaff(ctx);
  const [from, to] = STATUS_ACTIONS[input.action];
  const [m] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .update(memberships)
      .set({ status: to, ...(input.action === "approve" ? { managerUserId: a.userId } : {}) })
      .where(
        and(
          eq(memberships.tenantId, a.tenantId),
          eq(memberships.id, input.membershipId),
          from ? eq(memberships.status, from) : undefined,
        ),
      )
      .returning(),
  );
  if (!m) return accountError("NOT_FOUND", "Нет такого дилера в этом состоянии");
  const notifications = [];
  if (to === "blocked") await revokeAllSessions(ctx.rt, m.userId);
  if (input.action === "approve" && ctx.rt.mailer) {
    const u = await ctx.loaders.user.load(m.userId);
    const t = await ctx.loaders.tenant.load(a.tenantId);
    if (u && t)
      notifications.push(
        await sendMail(ctx, a.tenantId, {
          to: u.email,
          ...mails.approved(t.name, `${ctx.rt.portalUrl}/login?brand=${t.slug}`),
        }),
      );
  }
  await audit(ctx, a.tenantId, {
    action: DEALER_ACTIONS[input.action],
    companyId: m.companyId,
    objects: [{ type: "Membership", id: m.id }],
    notifications,
  });
  const u = await ctx.loaders.user.load(m.userId);
  return { ...m, email: u?.email ?? "", fullName: u?.fullName ?? "", __typename: "CompanyUser" as const };
}

/** Assigns a dealer's personal manager (a staff member of the same tenant). */
export async function assignManager(ctx: IdentityContext, input: { membershipId: string; managerUserId: string }) {
  const a = requireStaff(ctx);
  const ok = await withTenant(ctx.db, a.tenantId, async (tx) => {
    const [staff] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.tenantId, a.tenantId),
          eq(memberships.userId, input.managerUserId),
          inArray(memberships.role, ["manager", "tenant_admin"]),
        ),
      );
    if (!staff) return null;
    const [m] = await tx
      .update(memberships)
      .set({ managerUserId: input.managerUserId })
      .where(and(eq(memberships.tenantId, a.tenantId), eq(memberships.id, input.membershipId)))
      .returning();
    return m ?? null;
  });
  if (!ok) return accountError("NOT_FOUND", "Нет такого дилера или менеджера");
  await audit(ctx, a.tenantId, {
    action: "dealer.manager_assigned",
    companyId: ok.companyId,
    objects: [
      { type: "Membership", id: ok.id },
      { type: "User", id: input.managerUserId },
    ],
  });
  const u = await ctx.loaders.user.load(ok.userId);
  return { ...ok, email: u?.email ?? "", fullName: u?.fullName ?? "", __typename: "CompanyUser" as const };
}

// ---------- API keys ----------

function requireKeyRight(ctx: IdentityContext) {
  const a = requireUser(ctx.actor);
  if (!a.companyId || !a.permissions.includes("api_keys.manage")) throw forbidden("Нет права управлять ключами API");
  return { ...a, companyId: a.companyId };
}

export function listApiKeys(ctx: IdentityContext) {
  const a = requireKeyRight(ctx);
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.tenantId, a.tenantId), eq(apiKeys.companyId, a.companyId)))
      .orderBy(desc(apiKeys.createdAt)),
  );
}

/** A key with a subset of the creator's rights; the secret is returned once and stored only hashed. */
export async function createApiKey(ctx: IdentityContext, input: { name: string; permissions: string[] }) {
  const a = requireKeyRight(ctx);
  if (input.name.trim() === "")
    return invalid([{ field: "name", message: "Назовите ключ (например, по системе, которая его использует)" }]);
  const bad = checkRights(input.permissions, a.permissions);
  if (bad) return bad;
  const id = newId("apk");
  const key = formatApiKey(a.tenantId, id);
  const [row] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .insert(apiKeys)
      .values({
        tenantId: a.tenantId,
        id,
        companyId: a.companyId,
        createdBy: a.userId,
        name: input.name.trim(),
        keyHash: hashLinkToken(key),
        permissions: [...new Set(input.permissions)],
      })
      .returning(),
  );
  await audit(ctx, a.tenantId, {
    action: "api_key.created",
    objects: [{ type: "ApiKey", id, label: input.name.trim() }],
  });
  return { __typename: "CreatedApiKey" as const, key, apiKey: row };
}

export async function revokeApiKey(ctx: IdentityContext, id: string) {
  const a = requireKeyRight(ctx);
  const [row] = await withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiKeys.tenantId, a.tenantId),
          eq(apiKeys.companyId, a.companyId),
          eq(apiKeys.id, id),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning(),
  );
  if (!row) return accountError("NOT_FOUND", "Нет такого действующего ключа");
  await audit(ctx, a.tenantId, { action: "api_key.revoked", objects: [{ type: "ApiKey", id, label: row.name }] });
  return row;
}

// ---------- history ----------

export interface HistoryFilter {
  action?: string | null;
  from?: string | null;
  to?: string | null;
  first?: number | null;
}

/** Dealers see their company's history; staff see their tenant's. Newest first. */
export function history(ctx: IdentityContext, filter: HistoryFilter) {
  const a = requireUser(ctx.actor);
  const staff = a.roles.some((r) => STAFF.has(r));
  if (!staff && !a.companyId) return [];
  const conds: (SQL | undefined)[] = [eq(auditEvents.tenantId, a.tenantId)];
  if (!staff && a.companyId) conds.push(eq(auditEvents.companyId, a.companyId));
  if (filter.action) conds.push(eq(auditEvents.action, filter.action));
  if (filter.from) conds.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conds.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  const first = Math.min(Math.max(filter.first ?? 50, 1), 200);
  return withTenant(ctx.db, a.tenantId, (tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(...conds))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(first),
  );
}
