import { signAccessToken, verifyAccessToken } from "@dpp/auth";
import { hash, verify } from "@node-rs/argon2";
import { createLocalJWKSet, exportJWK, generateKeyPair } from "jose";

/**
 * Identity's CPU costs. Login = one argon2id verification with @node-rs/argon2's defaults, which
 * identity uses: argon2id, m = 19 456 KiB, t = 2, p = 1 (OWASP's minimum profile). Measured as
 * logins/s with 2 verifications in flight (the machine's cores). Token verification = what the
 * gateway pays per request with the JWKS already cached (ES256 signature + claims), µs per token.
 */
export async function identityAuth({ smoke }: { smoke: boolean }) {
  const password = "Demo-2026";
  const stored = await hash(password);
  const logins = smoke ? 4 : 60;
  let t = performance.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next++ < logins) if (!(await verify(stored, password))) throw new Error("argon2 verify failed");
    }),
  );
  const loginMs = performance.now() - t;

  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256" }] });
  const token = await signAccessToken(
    { userId: "usr_1", tenantId: "ten_keaz", companyId: "cmp_1", roles: ["dealer"], permissions: ["orders.send"] },
    { privateKey, kid: "k1" },
    { issuer: "dpp-identity", ttlSeconds: 900 },
  );
  const n = smoke ? 50 : 5000;
  for (let i = 0; i < 50; i++) await verifyAccessToken(token, jwks, { issuer: "dpp-identity" });
  t = performance.now();
  for (let i = 0; i < n; i++) await verifyAccessToken(token, jwks, { issuer: "dpp-identity" });
  const verifyMs = performance.now() - t;
  return {
    argon2: "argon2id m=19456KiB t=2 p=1",
    loginsPerSecond: Math.round((logins / loginMs) * 1000 * 10) / 10,
    argon2VerifyMs: Math.round((loginMs / logins) * 2 * 10) / 10,
    tokenVerifyMicroseconds: Math.round((verifyMs / n) * 1000),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await identityAuth({ smoke: process.argv.includes("--smoke") }));
}
