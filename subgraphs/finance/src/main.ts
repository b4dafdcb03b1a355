import { runMain } from "@dpp/config";
import { serveUntilSignal } from "@dpp/server";
import { loadFinanceConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("finance", async () => {
  const config = loadFinanceConfig();
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    ordersUrl: config.ordersUrl,
    identityUrl: config.identityUrl,
    inventoryUrl: config.inventoryUrl,
    maskErrors: config.env === "production",
  });
  await serveUntilSignal("finance", server, config.http);
});
