import { formatRefreshToken, hashRefreshToken, parseRefreshToken } from "./refresh-token.ts";

/**
 * Links in e-mails (activation, questionnaire, recovery, e-mail change) and API keys carry the
 * same shape as refresh tokens — `<tenantId>.<id>.<secret>` — so they can be looked up inside
 * their tenant before anyone is signed in. Only the SHA-256 is stored.
 */
export const formatLinkToken = formatRefreshToken;
export const parseLinkToken = parseRefreshToken;
export const hashLinkToken = hashRefreshToken;

/** API keys are prefixed so they are recognisable in logs and secret scanners. */
export const API_KEY_PREFIX = "dppk_";

export function formatApiKey(tenantId: string, keyId: string): string {
  return API_KEY_PREFIX + formatRefreshToken({ tenantId, tokenId: keyId });
}

export function parseApiKey(key: string): { tenantId: string; keyId: string } | null {
  if (!key.startsWith(API_KEY_PREFIX)) return null;
  const parts = parseRefreshToken(key.slice(API_KEY_PREFIX.length));
  return parts ? { tenantId: parts.tenantId, keyId: parts.tokenId } : null;
}

export type LinkVerdict = "valid" | "used" | "expired";

export function linkVerdict(link: { usedAt: Date | null; expiresAt: Date }, now: Date): LinkVerdict {
  if (link.usedAt) return "used";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}
