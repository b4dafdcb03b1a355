import { readFileSync } from "node:fs";
import path from "node:path";
import { runMain } from "@dpp/config";
import { loadDevstackConfig, resolveSecrets } from "./config.ts";
import { openDevDatabase } from "./database.ts";
import { migratePlatform } from "./platform.ts";
import { loadTenantFile } from "./tenant-file.ts";

/** `npm run tenant:load -- <file.json>`: onboard a supplier from one definition file (see docs/onboarding.md). */
await runMain("npm run tenant:load", async () => {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run tenant:load -- <tenant-file.json>");
  const input: unknown = JSON.parse(readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), "utf8"));
  const config = loadDevstackConfig();
  const secrets = resolveSecrets(config);
  const db = await openDevDatabase(config, secrets.appDbPassword);
  try {
    await migratePlatform(db.adminUrl, { user: config.appRole.user, password: secrets.appDbPassword });
    const r = await loadTenantFile(db.appUrl, input);
    const t = r.dataset.tenants[0];
    if (!r.created) {
      console.log(`Tenant "${r.definition.slug}" already exists: nothing changed (edit it in the tenant admin).`);
      return;
    }
    console.log(
      `Tenant "${r.definition.name}" (${r.definition.slug}) loaded: ${t?.products.length ?? 0} products, ${t?.warehouses.length ?? 0} warehouses, ${r.dataset.memberships.length} memberships.`,
    );
    for (const g of r.generated) console.log(`  ${g.email}  password: ${g.password}  (must be changed at first login)`);
  } finally {
    await db.embedded?.stop();
  }
});
