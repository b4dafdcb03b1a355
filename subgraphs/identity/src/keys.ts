import { ACCESS_TOKEN_ALG } from "@dpp/auth";
import { asc } from "drizzle-orm";
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

/** The key that signs access tokens, and the JWKS that publishes its public half. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: { keys: JWK[] };
}

const publicHalf = ({ kty, crv, x, y }: JWK): JWK => ({ kty, crv, x, y });

async function fromPrivateJwk(privateJwk: JWK, kid: string): Promise<SigningKey> {
  const privateKey = await importJWK(privateJwk, ACCESS_TOKEN_ALG);
  if (privateKey instanceof Uint8Array) throw new Error("signing key: expected an EC private key");
  return {
    kid,
    privateKey,
    jwks: { keys: [{ ...publicHalf(privateJwk), kid, alg: ACCESS_TOKEN_ALG, use: "sig" }] },
  };
}

/** A configured key (PKCS8 PEM, P-256); kid is the RFC 7638 thumbprint of its public half. */
export async function keyFromPem(pem: string): Promise<SigningKey> {
  const key = await importPKCS8(pem, ACCESS_TOKEN_ALG, { extractable: true });
  const jwk = await exportJWK(key);
  return fromPrivateJwk(jwk, await calculateJwkThumbprint(publicHalf(jwk)));
}

/**
 * The platform key stored in `identity.signing_keys`: generated on first start. Every
 * instance inserts its candidate and then uses the oldest row, so concurrent first starts
 * agree on one key.
 */
export async function loadOrCreateKey(db: IdentityDb): Promise<SigningKey> {
  const oldest = () => db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid)).limit(1);
  let [row] = await oldest();
  if (!row) {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALG, { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    await db
      .insert(signingKeys)
      .values({ kid, privateJwk: await exportJWK(privateKey), publicJwk })
      .onConflictDoNothing();
    [row] = await oldest();
  }
  if (!row) throw new Error("signing key: could not store a key in identity.signing_keys");
  return fromPrivateJwk(row.privateJwk, row.kid);
}
