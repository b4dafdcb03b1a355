import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A refresh token names its tenant so it can be looked up inside that tenant's RLS scope
 * before anyone is authenticated: `<tenantId>.<tokenId>.<secret>`, where the secret is
 * 32 random bytes in base64url. Only the SHA-256 of the whole string is stored.
 */
export interface RefreshTokenParts {
  tenantId: string;
  tokenId: string;
}

const ID = /^[a-z][a-z0-9]*_[a-z0-9_-]+$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function formatRefreshToken(parts: RefreshTokenParts, secret = randomBytes(32).toString("base64url")): string {
  return `${parts.tenantId}.${parts.tokenId}.${secret}`;
}

/** The tenant and token id of a well-formed token, or null for anything else. */
export function parseRefreshToken(token: string): RefreshTokenParts | null {
  if (token.length > 256) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [tenantId, tokenId, secret] = parts as [string, string, string];
  if (!ID.test(tenantId) || !ID.test(tokenId) || !SECRET.test(secret)) return null;
  return { tenantId, tokenId };
}

export function hashRefreshToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison of two hex SHA-256 digests. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type RefreshVerdict = "valid" | "revoked" | "expired";

/**
 * What a presented (hash-matching) refresh token allows. A revoked token presented again
 * means it was copied: the caller must revoke its whole family.
 */
export function refreshVerdict(token: { revokedAt: Date | null; expiresAt: Date }, now: Date): RefreshVerdict {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
