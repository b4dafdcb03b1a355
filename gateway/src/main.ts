import { readFileSync } from "node:fs";
import { runMain } from "@dpp/config";
import { serveUntilSignal } from "@dpp/server";
import { loadGatewayConfig } from "./config.ts";
import { createServer } from "./server.ts";
import { loadManifest } from "./trusted-documents.ts";

await runMain("gateway", async () => {
  const config = loadGatewayConfig();
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(config.supergraphPath, "utf8");
  } catch {
    throw new Error(`supergraph not found at ${config.supergraphPath} (run \`npm run compose\`)`);
  }
  const server = await createServer({
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    jwksUrl: config.auth.jwksUrl,
    issuer: config.auth.issuer,
    internalTokenSecret: config.internalTokenSecret,
    maskErrors: config.env === "production",
    introspection: config.introspection,
    explorer: config.explorer,
    persistedDocuments: {
      manifest: loadManifest(config.persistedOperationsPath),
      clientSecret: config.portalClientSecret,
    },
  });
  await serveUntilSignal("gateway", server, config.http, "/graphql");
});
