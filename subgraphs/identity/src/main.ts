import { runMain } from "@dpp/config";
import { serveUntilSignal } from "@dpp/server";
import { loadIdentityConfig } from "./config.ts";
import { DEFAULT_KEY_TIMING } from "./keys.ts";
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
    keyTiming: { ...DEFAULT_KEY_TIMING, publishDelayMs: tokens.publishDelaySeconds * 1000 },
    webhookAllowPrivateUrls: config.webhooks.allowPrivateUrls,
    ordersUrl: config.ordersUrl,
    signingKeyPem: tokens.signingKey.source === "pem" ? tokens.signingKey.pem : undefined,
  });
  await serveUntilSignal("identity", server, config.http, " (JWKS at /.well-known/jwks.json)");
});
