import { runMain } from "@dpp/config";
import { serveUntilSignal } from "@dpp/server";
import { loadCatalogConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("catalog", async () => {
  const config = loadCatalogConfig();
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    identityUrl: config.identityUrl,
    ordersUrl: config.ordersUrl,
    maskErrors: config.env === "production",
  });
  await serveUntilSignal("catalog", server, config.http);
});
