import { ACCESS_TOKEN_ALG } from "@dpp/auth";
import { newId } from "@dpp/db";
import { and, desc, gt, isNull, ne, or } from "drizzle-orm";
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from "jose";
import { signingKeys } from "./db/schema.ts";
import type { IdentityDb } from "./server.ts";

/** The key that signs access tokens. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

/** The signing key and the JWKS of every key whose tokens may still be alive. */
export interface KeyRing {
  current(): Promise<SigningKey>;
  jwks(): Promise<{ keys: JWK[] }>;
  /** Publishes a new key that takes over signing after the publish delay; the old one stays published until its tokens expire. */
  rotate(): Promise<{ kid: string; retired: string[] }>;
}

const publicHalf = ({ kty, crv, x, y }: JWK): JWK => ({ kty, crv, x, y });
const published = (jwk: JWK, kid: string): JWK => ({ ...publicHalf(jwk), kid, alg: ACCESS_TOKEN_ALG, use: "sig" });

async function importPrivate(privateJwk: JWK): Promise<CryptoKey> {
  const key = await importJWK(privateJwk, ACCESS_TOKEN_ALG);
  if (key instanceof Uint8Array) throw new Error("signing key: expected an EC private key");
  return key;
}

/** A configured key (PKCS8 PEM, P-256): fixed, no rotation. kid is the RFC 7638 thumbprint. */
export async function keyRingFromPem(pem: string): Promise<KeyRing> {
  const privateKey = await importPKCS8(pem, ACCESS_TOKEN_ALG, { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicHalf(jwk));
  const jwks = { keys: [published(jwk, kid)] };
  return {
    current: async () => ({ kid, privateKey }),
    jwks: async () => jwks,
    rotate: async () => {
      throw new Error("signing key: configured by JWT_PRIVATE_KEY_PEM; rotate by changing the environment");
    },
  };
}

async function insertKey(db: IdentityDb): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = `${await calculateJwkThumbprint(publicJwk)}.${newId("k").slice(2, 10)}`;
  await db.insert(signingKeys).values({ kid, privateJwk: await exportJWK(privateKey), publicJwk });
  return kid;
}

/** How a rotation reaches verifiers before the new key signs anything. */
export interface KeyTiming {
  /** Each identity instance re-reads the key table at most this often. */
  refreshMs: number;
  /**
   * A new key is published at once but signs only this long after the rotation, so every
   * verifier can have fetched it first: at least `refreshMs` (other identity instances serving a
   * stale JWKS) plus the verifiers' refetch cooldown (the gateway's `jwksCooldownMs`).
   */
  publishDelayMs: number;
}

/** 30 s table refresh + the gateway's 30 s JWKS cooldown + 5 s of slack. */
export const DEFAULT_KEY_TIMING: KeyTiming = { refreshMs: 30_000, publishDelayMs: 65_000 };

/**
 * Keys kept in `identity.signing_keys`, rotated publish-before-sign. The JWKS lists every key
 * that is not retired or was retired less than `accessTtlSeconds` (+ 60 s of clock skew) ago.
 * A rotation inserts the new key (published at once) and schedules the old one's retirement
 * `publishDelayMs` ahead; until then the old key keeps signing. The signer is the newest
 * unretired key older than `publishDelayMs`, or, on a fresh install, the only key there is.
 */
export function databaseKeyRing(
  db: IdentityDb,
  accessTtlSeconds: number,
  timing: KeyTiming = DEFAULT_KEY_TIMING,
): KeyRing {
  let cache: { until: number; signer: SigningKey; jwks: { keys: JWK[] } } | null = null;
  const load = async (): Promise<NonNullable<typeof cache>> => {
    const now = Date.now();
    const since = new Date(now - (accessTtlSeconds + 60) * 1000);
    const rows = await db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, since)))
      .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
    const live = rows.filter((r) => r.retiredAt === null || r.retiredAt.getTime() > now);
    if (live.length === 0) {
      await insertKey(db);
      return load();
    }
    // Concurrent first starts may each insert a key: all agree on the newest; all are published.
    const ripe = live.find((r) => r.createdAt.getTime() <= now - timing.publishDelayMs);
    const signer = ripe ?? live[0];
    if (!signer) throw new Error("signing key: none active");
    // Re-read when a pending key ripens or the signer retires, not only every refreshMs.
    const events = live.flatMap((r) => [r.createdAt.getTime() + timing.publishDelayMs, r.retiredAt?.getTime() ?? 0]);
    const until = Math.min(now + timing.refreshMs, ...events.filter((t) => t > now));
    cache = {
      until,
      signer: { kid: signer.kid, privateKey: await importPrivate(signer.privateJwk) },
      jwks: { keys: rows.map((r) => published(r.publicJwk, r.kid)) },
    };
    return cache;
  };
  const fresh = async () => (cache && Date.now() < cache.until ? cache : load());
  return {
    current: async () => (await fresh()).signer,
    jwks: async () => (await fresh()).jwks,
    async rotate() {
      const kid = await insertKey(db);
      const retired = await db
        .update(signingKeys)
        .set({ retiredAt: new Date(Date.now() + timing.publishDelayMs) })
        .where(and(isNull(signingKeys.retiredAt), ne(signingKeys.kid, kid)))
        .returning({ kid: signingKeys.kid })
        .then((rows) => rows.map((r) => r.kid));
      await load();
      return { kid, retired };
    },
  };
}
