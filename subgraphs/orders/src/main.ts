import { runMain } from "@dpp/config";
import { serveUntilSignal } from "@dpp/server";
import { loadOrdersConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("orders", async () => {
  const config = loadOrdersConfig();
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    catalogUrl: config.catalog.url,
    financeUrl: config.finance.url,
    inventoryUrl: config.inventory.url,
    identityUrl: config.identity.url,
    maskErrors: config.env === "production",
  });
  await serveUntilSignal("orders", server, config.http);
});
