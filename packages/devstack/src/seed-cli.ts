import { runMain } from "@dpp/config";
import { buildDemoDataset } from "@dpp/seed";
import { loadDevstackConfig, resolveSecrets } from "./config.ts";
import { openDevDatabase } from "./database.ts";
import { migratePlatform } from "./platform.ts";
import { seedPlatform } from "./seed.ts";

/** `npm run seed`: migrate, then load the demo tenants (idempotent: run it as often as you like). */
await runMain("npm run seed", async () => {
  const config = loadDevstackConfig();
  const secrets = resolveSecrets(config);
  const db = await openDevDatabase(config, secrets.appDbPassword);
  try {
    await migratePlatform(db.adminUrl, { user: config.appRole.user, password: secrets.appDbPassword });
    const t = Date.now();
    await seedPlatform(db.appUrl, buildDemoDataset());
    console.log(`Demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await db.embedded?.stop();
  }
});
