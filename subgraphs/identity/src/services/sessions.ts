import { signAccessToken } from "@dpp/auth";
import { newId, withTenant } from "@dpp/db";
import { requireUser } from "@dpp/server";
import { verify } from "@node-rs/argon2";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { IdentityContext, IdentityRuntime } from "../context.ts";
import {
  counterpartiesByCompanyIds,
  insertRefreshToken,
  lockRefreshToken,
  type MembershipRow,
  markReplaced,
  membershipsInTenant,
  membershipsOfUser,
  type RefreshTokenRow,
  revokeFamily,
  type Tx,
  userByEmail,
} from "../db/queries.ts";
import { refreshTokens, users } from "../db/schema.ts";
import { activeCounterparty, availableCounterparties } from "../domain/counterparty.ts";
import { normalizeEmail } from "../domain/email.ts";
import { chooseMembership } from "../domain/membership.ts";
import { sessionPermissions } from "../domain/permissions.ts";
import {
  formatRefreshToken,
  hashRefreshToken,
  parseRefreshToken,
  refreshVerdict,
  sameHash,
} from "../domain/refresh-token.ts";
import { audit } from "./support.ts";

export interface AuthError {
  __typename: "AuthError";
  code:
    | "INVALID_CREDENTIALS"
    | "INVALID_SESSION"
    | "SESSION_EXPIRED"
    | "SESSION_REVOKED"
    | "NO_ACCESS"
    | "TOO_MANY_ATTEMPTS"
    | "ACCOUNT_PENDING"
    | "ACCOUNT_BLOCKED";
  message: string;
}

/** A session as issued; `user` and `tenant` are resolved through the request's loaders. */
export interface IssuedSession {
  __typename: "Session";
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  userId: string;
  tenantId: string;
  status: string;
  permissions: string[];
  mustChangePassword: boolean;
  counterpartyId: string | null;
}

export type LoginResult = IssuedSession | AuthError;

const error = (code: AuthError["code"], message: string): AuthError => ({ __typename: "AuthError", code, message });

export const INVALID_CREDENTIALS = error("INVALID_CREDENTIALS", "Неверный e-mail или пароль");
const INVALID_SESSION = error("INVALID_SESSION", "Сессия недействительна, войдите снова");
const SESSION_EXPIRED = error("SESSION_EXPIRED", "Сессия истекла, войдите снова");
const SESSION_REVOKED = error("SESSION_REVOKED", "Сессия отозвана, войдите снова");
const NO_ACCESS = error("NO_ACCESS", "Нет доступа к этому поставщику");
const PENDING = error("ACCOUNT_PENDING", "Кабинет ещё не активирован: перейдите по ссылке из письма");
const BLOCKED = error("ACCOUNT_BLOCKED", "Доступ к кабинету заблокирован поставщиком. Обратитесь к менеджеру");
const locked = (seconds: number) =>
  error(
    "TOO_MANY_ATTEMPTS",
    `Слишком много неудачных попыток. Вход временно заблокирован, повторите через ${Math.ceil(seconds / 60)} мин.`,
  );

/** Why a membership gets no session, or null when it may have one. */
function refusal(m: MembershipRow): AuthError | null {
  if (m.status === "pending") return PENDING;
  if (m.status === "blocked") return BLOCKED;
  return null;
}

async function mustChange(rt: IdentityRuntime, userId: string): Promise<boolean> {
  const [u] = await rt.db.select({ v: users.mustChangePassword }).from(users).where(eq(users.id, userId));
  return u?.v ?? false;
}

/** The counterparties a membership may act for (its company's, narrowed by `counterpartyIds`). */
export async function counterpartiesOf(rt: IdentityRuntime, m: MembershipRow): Promise<string[]> {
  if (!m.companyId) return [];
  const all = await counterpartiesByCompanyIds(rt.db, [m.companyId]);
  return availableCounterparties(
    all.map((c) => c.id),
    m.counterpartyIds,
  );
}

/** Stores a new refresh token (hashed) in the transaction's tenant and returns its string. */
async function newRefreshToken(
  tx: Tx,
  rt: IdentityRuntime,
  m: MembershipRow,
  familyId: string,
  counterpartyId: string | null,
) {
  const id = newId("rtk");
  const token = formatRefreshToken({ tenantId: m.tenantId, tokenId: id });
  await insertRefreshToken(tx, {
    tenantId: m.tenantId,
    id,
    userId: m.userId,
    tokenHash: hashRefreshToken(token),
    familyId,
    counterpartyId,
    expiresAt: new Date(Date.now() + rt.refreshTokenTtlSeconds * 1000),
  });
  return { id, token };
}

/** The access token for one membership: its tenant, company, counterparty, role and permissions. */
async function sessionFor(
  rt: IdentityRuntime,
  m: MembershipRow,
  refreshToken: string,
  counterpartyId: string | null,
): Promise<IssuedSession> {
  const expiresAt = new Date(Date.now() + rt.accessTokenTtlSeconds * 1000);
  const change = await mustChange(rt, m.userId);
  // View-only cabinets and generated passwords keep reading rights only (see domain/permissions.ts).
  const permissions = sessionPermissions(m.status, m.permissions, change) ?? [];
  const accessToken = await signAccessToken(
    { userId: m.userId, tenantId: m.tenantId, companyId: m.companyId, roles: [m.role], permissions, counterpartyId },
    await rt.keys.current(),
    { issuer: rt.issuer, ttlSeconds: rt.accessTokenTtlSeconds },
  );
  return {
    __typename: "Session",
    accessToken,
    accessTokenExpiresAt: expiresAt.toISOString(),
    refreshToken,
    userId: m.userId,
    tenantId: m.tenantId,
    status: m.status,
    permissions,
    mustChangePassword: change,
    counterpartyId,
  };
}

/** A new session (and a new refresh-token family) for a membership. */
async function startSession(rt: IdentityRuntime, m: MembershipRow): Promise<IssuedSession> {
  const counterpartyId = activeCounterparty(await counterpartiesOf(rt, m));
  const { token } = await withTenant(rt.db, m.tenantId, (tx) =>
    newRefreshToken(tx, rt, m, newId("rtf"), counterpartyId),
  );
  return sessionFor(rt, m, token, counterpartyId);
}

/**
 * E-mail + password. An unknown e-mail, a wrong password and a tenant without membership all
 * give the same error, and an unknown e-mail still pays for one argon2 verification.
 */
export async function login(
  ctx: IdentityContext,
  input: { email: string; password: string; tenantSlug?: string | null },
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const who = { account: email, ip: ctx.ip };
  const lockedFor = await ctx.rt.limits.lockedFor("login", who);
  if (lockedFor > 0) {
    await auditLogin(ctx, email, null, "login.locked");
    return locked(lockedFor);
  }
  const user = await userByEmail(ctx.db, email);
  const ok = await verify(user?.passwordHash ?? ctx.rt.dummyHash, input.password).catch(() => false);
  const all = user && ok ? await membershipsOfUser(ctx.db, user.id) : [];
  // Without a tenant asked for, a usable cabinet comes before a pending or blocked one.
  const usable = all.filter((m) => !refusal(m));
  const membership = chooseMembership(input.tenantSlug || usable.length === 0 ? all : usable, input.tenantSlug);
  if (!user || !ok || !membership) {
    const after = await ctx.rt.limits.hit("login", who);
    await auditLogin(ctx, email, membership, "login.failed");
    return after > 0 ? locked(after) : INVALID_CREDENTIALS;
  }
  await ctx.rt.limits.reset("login", email);
  const refused = refusal(membership);
  await auditLogin(ctx, email, membership, refused ? `login.refused.${membership.status}` : "login.succeeded");
  if (refused) return refused;
  return startSession(ctx.rt, membership);
}

/** Login events go to the tenant asked for (or of the membership); unknown tenants are not recorded. */
async function auditLogin(ctx: IdentityContext, email: string, m: MembershipRow | null, action: string) {
  const tenantId = m?.tenantId ?? null;
  if (!tenantId) return;
  await audit(ctx, tenantId, {
    action,
    actorUserId: m?.userId ?? null,
    actorLabel: email,
    companyId: m?.companyId ?? null,
  });
}

/**
 * Rotates a refresh token: the used one is revoked and replaced by a new one of the same
 * family. A token presented after it was revoked was copied: the whole family is revoked.
 */
export function refreshSession(ctx: IdentityContext, refreshToken: string): Promise<LoginResult> {
  return rotate(ctx, refreshToken, (row, available) => activeCounterparty(available, row.counterpartyId));
}

const NOT_YOURS = error("NO_ACCESS", "Этот контрагент недоступен вашей учётной записи");

/**
 * The header's counterparty switcher: rotates the session's refresh token (which must be the
 * caller's own, in the caller's tenant) into one for the chosen counterparty, validated against
 * the membership, and issues an access token carrying it (claim `ctp`).
 */
export function selectCounterparty(
  ctx: IdentityContext,
  input: { refreshToken: string; counterpartyId: string },
): Promise<LoginResult> {
  const actor = requireUser(ctx.actor);
  return rotate(ctx, input.refreshToken, (row, available) => {
    if (row.userId !== actor.userId || row.tenantId !== actor.tenantId) return INVALID_SESSION;
    return available.includes(input.counterpartyId) ? input.counterpartyId : NOT_YOURS;
  });
}

async function rotate(
  ctx: IdentityContext,
  refreshToken: string,
  pick: (row: RefreshTokenRow, available: string[]) => string | null | AuthError,
): Promise<LoginResult> {
  const parts = parseRefreshToken(refreshToken);
  if (!parts) return INVALID_SESSION;
  const { rt } = ctx;
  const outcome = await withTenant(rt.db, parts.tenantId, async (tx) => {
    const row = await lockRefreshToken(tx, parts.tenantId, parts.tokenId);
    if (!row || !sameHash(row.tokenHash, hashRefreshToken(refreshToken))) return INVALID_SESSION;
    const verdict = refreshVerdict(row, new Date());
    if (verdict === "revoked") {
      await revokeFamily(tx, row.tenantId, row.familyId);
      return SESSION_REVOKED;
    }
    if (verdict === "expired") return SESSION_EXPIRED;
    // Claims are read again, so a changed role or a removed membership takes effect now.
    const membership = chooseMembership(await membershipsInTenant(tx, row.tenantId, row.userId));
    if (!membership || refusal(membership)) {
      await revokeFamily(tx, row.tenantId, row.familyId);
      return NO_ACCESS;
    }
    const counterpartyId = pick(row, await counterpartiesOf(rt, membership));
    if (typeof counterpartyId === "object" && counterpartyId !== null) return counterpartyId;
    const next = await newRefreshToken(tx, rt, membership, row.familyId, counterpartyId);
    await markReplaced(tx, row.tenantId, row.id, next.id);
    return { membership, token: next.token, counterpartyId };
  });
  return "code" in outcome ? outcome : sessionFor(rt, outcome.membership, outcome.token, outcome.counterpartyId);
}

/** A session in another tenant the signed-in user belongs to. */
export async function switchTenant(ctx: IdentityContext, tenantSlug: string): Promise<LoginResult> {
  const actor = requireUser(ctx.actor);
  const membership = chooseMembership(await membershipsOfUser(ctx.db, actor.userId), tenantSlug);
  if (!membership) return NO_ACCESS;
  return refusal(membership) ?? startSession(ctx.rt, membership);
}

/** Ends the session the refresh token belongs to (its whole family). False if it was not valid. */
export async function logout(ctx: IdentityContext, refreshToken: string): Promise<boolean> {
  const parts = parseRefreshToken(refreshToken);
  if (!parts) return false;
  return withTenant(ctx.db, parts.tenantId, async (tx) => {
    const row = await lockRefreshToken(tx, parts.tenantId, parts.tokenId);
    if (!row || !sameHash(row.tokenHash, hashRefreshToken(refreshToken))) return false;
    await revokeFamily(tx, row.tenantId, row.familyId);
    return true;
  });
}

/** Ends every session of the signed-in user in every tenant (all refresh-token families). */
export async function logoutEverywhere(ctx: IdentityContext): Promise<number> {
  const actor = requireUser(ctx.actor);
  const n = await revokeAllSessions(ctx.rt, actor.userId);
  await audit(ctx, actor.tenantId, {
    action: "session.logout_everywhere",
    objects: [{ type: "User", id: actor.userId }],
  });
  return n;
}

/** Revokes every live refresh token of a user (password reset, e-mail change, log out everywhere). */
export async function revokeAllSessions(rt: IdentityRuntime, userId: string): Promise<number> {
  const tenantIds = [...new Set((await membershipsOfUser(rt.db, userId)).map((m) => m.tenantId))];
  let n = 0;
  for (const tenantId of tenantIds) {
    n += await withTenant(rt.db, tenantId, (tx) =>
      tx
        .update(refreshTokens)
        .set({ revokedAt: sql`now()` })
        .where(
          and(eq(refreshTokens.tenantId, tenantId), eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)),
        )
        .returning({ id: refreshTokens.id })
        .then((r) => r.length),
    );
  }
  return n;
}
