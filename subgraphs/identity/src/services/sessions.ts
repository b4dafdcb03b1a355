import { signAccessToken } from "@dpp/auth";
import { newId, withTenant } from "@dpp/db";
import { requireUser } from "@dpp/server";
import { verify } from "@node-rs/argon2";
import type { IdentityContext, IdentityRuntime } from "../context.ts";
import {
  insertRefreshToken,
  lockRefreshToken,
  type MembershipRow,
  markReplaced,
  membershipsInTenant,
  membershipsOfUser,
  revokeFamily,
  type Tx,
  userByEmail,
} from "../db/queries.ts";
import { normalizeEmail } from "../domain/email.ts";
import { chooseMembership } from "../domain/membership.ts";
import {
  formatRefreshToken,
  hashRefreshToken,
  parseRefreshToken,
  refreshVerdict,
  sameHash,
} from "../domain/refresh-token.ts";

export interface AuthError {
  __typename: "AuthError";
  code: "INVALID_CREDENTIALS" | "INVALID_SESSION" | "SESSION_EXPIRED" | "SESSION_REVOKED" | "NO_ACCESS";
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
}

export type LoginResult = IssuedSession | AuthError;

const error = (code: AuthError["code"], message: string): AuthError => ({ __typename: "AuthError", code, message });

export const INVALID_CREDENTIALS = error("INVALID_CREDENTIALS", "Неверный e-mail или пароль");
const INVALID_SESSION = error("INVALID_SESSION", "Сессия недействительна, войдите снова");
const SESSION_EXPIRED = error("SESSION_EXPIRED", "Сессия истекла, войдите снова");
const SESSION_REVOKED = error("SESSION_REVOKED", "Сессия отозвана, войдите снова");
const NO_ACCESS = error("NO_ACCESS", "Нет доступа к этому поставщику");

/** Stores a new refresh token (hashed) in the transaction's tenant and returns its string. */
async function newRefreshToken(tx: Tx, rt: IdentityRuntime, m: MembershipRow, familyId: string) {
  const id = newId("rtk");
  const token = formatRefreshToken({ tenantId: m.tenantId, tokenId: id });
  await insertRefreshToken(tx, {
    tenantId: m.tenantId,
    id,
    userId: m.userId,
    tokenHash: hashRefreshToken(token),
    familyId,
    expiresAt: new Date(Date.now() + rt.refreshTokenTtlSeconds * 1000),
  });
  return { id, token };
}

/** The access token for one membership: its tenant, company, role and permissions. */
async function sessionFor(rt: IdentityRuntime, m: MembershipRow, refreshToken: string): Promise<IssuedSession> {
  const expiresAt = new Date(Date.now() + rt.accessTokenTtlSeconds * 1000);
  const accessToken = await signAccessToken(
    { userId: m.userId, tenantId: m.tenantId, companyId: m.companyId, roles: [m.role], permissions: m.permissions },
    rt.key,
    { issuer: rt.issuer, ttlSeconds: rt.accessTokenTtlSeconds },
  );
  return {
    __typename: "Session",
    accessToken,
    accessTokenExpiresAt: expiresAt.toISOString(),
    refreshToken,
    userId: m.userId,
    tenantId: m.tenantId,
  };
}

/** A new session (and a new refresh-token family) for a membership. */
async function startSession(rt: IdentityRuntime, m: MembershipRow): Promise<IssuedSession> {
  const { token } = await withTenant(rt.db, m.tenantId, (tx) => newRefreshToken(tx, rt, m, newId("rtf")));
  return sessionFor(rt, m, token);
}

/**
 * E-mail + password. An unknown e-mail, a wrong password and a tenant without membership all
 * give the same error, and an unknown e-mail still pays for one argon2 verification.
 */
export async function login(
  ctx: IdentityContext,
  input: { email: string; password: string; tenantSlug?: string | null },
): Promise<LoginResult> {
  const user = await userByEmail(ctx.db, normalizeEmail(input.email));
  const ok = await verify(user?.passwordHash ?? ctx.rt.dummyHash, input.password).catch(() => false);
  if (!user || !ok) return INVALID_CREDENTIALS;
  const membership = chooseMembership(await membershipsOfUser(ctx.db, user.id), input.tenantSlug);
  if (!membership) return INVALID_CREDENTIALS;
  return startSession(ctx.rt, membership);
}

/**
 * Rotates a refresh token: the used one is revoked and replaced by a new one of the same
 * family. A token presented after it was revoked was copied: the whole family is revoked.
 */
export async function refreshSession(ctx: IdentityContext, refreshToken: string): Promise<LoginResult> {
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
    if (!membership) {
      await revokeFamily(tx, row.tenantId, row.familyId);
      return NO_ACCESS;
    }
    const next = await newRefreshToken(tx, rt, membership, row.familyId);
    await markReplaced(tx, row.tenantId, row.id, next.id);
    return { membership, token: next.token };
  });
  return "code" in outcome ? outcome : sessionFor(rt, outcome.membership, outcome.token);
}

/** A session in another tenant the signed-in user belongs to. */
export async function switchTenant(ctx: IdentityContext, tenantSlug: string): Promise<LoginResult> {
  const actor = requireUser(ctx.actor);
  const membership = chooseMembership(await membershipsOfUser(ctx.db, actor.userId), tenantSlug);
  if (!membership) return NO_ACCESS;
  return startSession(ctx.rt, membership);
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
