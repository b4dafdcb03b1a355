import { jwtVerify, SignJWT } from "jose";
import { type Actor, actorSchema } from "./actor.ts";

/**
 * The gateway's proof to subgraphs: a short-lived HS256 JWT over the verified actor and the
 * request id. Subgraphs refuse any request without a valid one; the gateway drops any such
 * header a client sends and sets its own.
 */
export const INTERNAL_TOKEN_HEADER = "x-internal-token";
export const REQUEST_ID_HEADER = "x-request-id";
const ISSUER = "dpp-gateway";
const AUDIENCE = "dpp-subgraph";

export interface InternalIdentity {
  actor: Actor;
  requestId: string;
  /** The caller's IP as the gateway saw it (audit history, per-IP rate limits); absent for services. */
  ip?: string | null;
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signInternalToken(identity: InternalIdentity, secret: string, ttlSeconds = 60): Promise<string> {
  return new SignJWT({ act: identity.actor, rid: identity.requestId, ...(identity.ip ? { ip: identity.ip } : {}) })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyOf(secret));
}

export class InternalTokenError extends Error {}

export async function verifyInternalToken(token: string | undefined, secret: string): Promise<InternalIdentity> {
  if (!token) throw new InternalTokenError("missing gateway proof");
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["HS256"],
    });
    const actor = actorSchema.parse(payload.act);
    return {
      actor,
      requestId: typeof payload.rid === "string" ? payload.rid : "unknown",
      ip: typeof payload.ip === "string" ? payload.ip : null,
    };
  } catch {
    throw new InternalTokenError("invalid gateway proof");
  }
}

/** A token a service uses to call another subgraph directly (batched writes-time reads). */
export function signServiceToken(service: string, tenantId: string | null, secret: string, requestId: string) {
  return signInternalToken({ actor: { kind: "service", service, tenantId }, requestId }, secret);
}
