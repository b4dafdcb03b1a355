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
  /** Makes a new key the signing key; the old one stays published until its tokens expire. */
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

/**
 * Keys kept in `identity.signing_keys`. The newest key that is not retired signs; the JWKS lists
 * it and every key retired less than `accessTtlSeconds` (+ 60 s of clock skew) ago. Each instance
 * re-reads the table at most every `refreshMs`, so a rotation reaches every instance within it;
 * verifiers (the gateway) refetch the JWKS on an unknown kid, so the new key is published before
 * anyone signs with it (insert first, sign after the next read).
 */
export function databaseKeyRing(db: IdentityDb, accessTtlSeconds: number, refreshMs = 30_000): KeyRing {
  let cache: { at: number; signer: SigningKey; jwks: { keys: JWK[] } } | null = null;
  const load = async () => {
    const since = new Date(Date.now() - (accessTtlSeconds + 60) * 1000);
    const rows = await db
      .select()
      .from(signingKeys)
      .where(or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, since)))
      .orderBy(desc(signingKeys.createdAt), desc(signingKeys.kid));
    if (!rows.some((r) => r.retiredAt === null)) {
      await insertKey(db);
      return load();
    }
    // Concurrent first starts may each insert a key: all agree on the newest; all are published.
    const active = rows.find((r) => r.retiredAt === null);
    if (!active) throw new Error("signing key: none active");
    cache = {
      at: Date.now(),
      signer: { kid: active.kid, privateKey: await importPrivate(active.privateJwk) },
      jwks: { keys: rows.map((r) => published(r.publicJwk, r.kid)) },
    };
    return cache;
  };
  const fresh = async () => (cache && Date.now() - cache.at < refreshMs ? cache : load());
  return {
    current: async () => (await fresh()).signer,
    jwks: async () => (await fresh()).jwks,
    async rotate() {
      const kid = await insertKey(db);
      const retired = await db
        .update(signingKeys)
        .set({ retiredAt: new Date() })
        .where(and(isNull(signingKeys.retiredAt), ne(signingKeys.kid, kid)))
        .returning({ kid: signingKeys.kid })
        .then((rows) => rows.map((r) => r.kid));
      await load();
      return { kid, retired };
    },
  };
}
