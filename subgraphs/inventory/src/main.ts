import { runMain } from "@dpp/config";
import { serveUntilSignal } from "@dpp/server";
import { loadInventoryConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("inventory", async () => {
  const config = loadInventoryConfig();
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    catalogUrl: config.catalogUrl,
    ordersUrl: config.ordersUrl,
    maskErrors: config.env === "production",
  });
  await serveUntilSignal("inventory", server, config.http);
});
