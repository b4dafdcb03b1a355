import { runMain } from "@dpp/config";
import { loadDevstackConfig, resolveSecrets } from "./config.ts";
import { openDevDatabase } from "./database.ts";
import { migratePlatform } from "./platform.ts";

/** `npm run migrate`: applies every schema's migrations (what `npm start` does first). */
await runMain("npm run migrate", async () => {
  const config = loadDevstackConfig();
  const secrets = resolveSecrets(config);
  const db = await openDevDatabase(config, secrets.appDbPassword);
  try {
    await migratePlatform(db.adminUrl, { user: config.appRole.user, password: secrets.appDbPassword });
    console.log("Migrations applied.");
  } finally {
    await db.embedded?.stop();
  }
});
