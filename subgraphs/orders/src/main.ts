import { runMain } from "@dpp/config";
import { listen } from "@dpp/server";
import { loadOrdersConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("orders", async () => {
  const config = loadOrdersConfig();
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    catalogUrl: config.catalog.url,
    maskErrors: config.env === "production",
  });
  const l = await listen(server.app, config.http.port, config.http.host);
  console.log(`orders listening on ${l.url}`);
  const shutdown = async () => {
    await l.close();
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
