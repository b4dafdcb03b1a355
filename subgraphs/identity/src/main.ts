import { runMain } from "@dpp/config";
import { listen } from "@dpp/server";
import { loadIdentityConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("identity", async () => {
  const config = loadIdentityConfig();
  const { tokens } = config;
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    maskErrors: config.env === "production",
    issuer: tokens.issuer,
    accessTokenTtlSeconds: tokens.accessTtlSeconds,
    refreshTokenTtlSeconds: tokens.refreshTtlSeconds,
    signingKeyPem: tokens.signingKey.source === "pem" ? tokens.signingKey.pem : undefined,
  });
  const l = await listen(server.app, config.http.port, config.http.host);
  console.log(`identity listening on ${l.url} (JWKS ${l.url}/.well-known/jwks.json)`);
  const shutdown = async () => {
    await l.close();
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
