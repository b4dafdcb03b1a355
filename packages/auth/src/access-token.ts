import { type CryptoKey, errors, type JWTVerifyGetKey, jwtVerify, type KeyObject, SignJWT } from "jose";
import { type Role, roleSchema, type UserActor } from "./actor.ts";

export const ACCESS_TOKEN_AUDIENCE = "dpp";
export const ACCESS_TOKEN_ALG = "ES256";

export interface AccessClaims {
  userId: string;
  tenantId: string;
  companyId: string | null;
  roles: Role[];
  permissions: string[];
  /** The active counterparty (claim `ctp`), chosen by the dealer and validated by identity. */
  counterpartyId?: string | null;
}

/** Signs a short-lived ES256 access token for one user in one tenant. */
export async function signAccessToken(
  claims: AccessClaims,
  key: { privateKey: KeyObject | CryptoKey; kid: string },
  opts: { issuer: string; ttlSeconds: number },
): Promise<string> {
  return new SignJWT({
    tid: claims.tenantId,
    cid: claims.companyId,
    roles: claims.roles,
    perms: claims.permissions,
    ...(claims.counterpartyId ? { ctp: claims.counterpartyId } : {}),
  })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: "at+jwt" })
    .setSubject(claims.userId)
    .setIssuer(opts.issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${opts.ttlSeconds}s`)
    .sign(key.privateKey);
}

export class AccessTokenError extends Error {
  constructor(
    readonly reason: "expired" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/** Verifies an access token against the identity JWKS and returns the user actor it names. */
export async function verifyAccessToken(
  token: string,
  keys: JWTVerifyGetKey,
  opts: { issuer: string },
): Promise<UserActor> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: opts.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      algorithms: [ACCESS_TOKEN_ALG],
      typ: "at+jwt",
    });
    const roles = roleSchema.array().safeParse(payload.roles);
    if (typeof payload.sub !== "string" || typeof payload.tid !== "string" || !roles.success) {
      throw new AccessTokenError("invalid", "access token is missing claims");
    }
    return {
      kind: "user",
      userId: payload.sub,
      tenantId: payload.tid,
      companyId: typeof payload.cid === "string" ? payload.cid : null,
      roles: roles.data,
      permissions: Array.isArray(payload.perms) ? payload.perms.filter((p): p is string => typeof p === "string") : [],
      counterpartyId: typeof payload.ctp === "string" ? payload.ctp : null,
    };
  } catch (error) {
    if (error instanceof AccessTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new AccessTokenError("expired", "access token has expired");
    throw new AccessTokenError("invalid", "access token is invalid");
  }
}
