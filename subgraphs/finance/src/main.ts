import { runMain } from "@dpp/config";
import { listen } from "@dpp/server";
import { loadFinanceConfig } from "./config.ts";
import { createServer } from "./server.ts";

await runMain("finance", async () => {
  const config = loadFinanceConfig();
  const server = await createServer({
    databaseUrl: config.database.url,
    internalTokenSecret: config.internalTokenSecret,
    maskErrors: config.env === "production",
  });
  const l = await listen(server.app, config.http.port, config.http.host);
  console.log(`finance listening on ${l.url}`);
  const shutdown = async () => {
    await l.close();
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
