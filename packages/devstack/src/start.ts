import { readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, describeStartError } from "@dpp/config";
import { buildDemoDataset } from "@dpp/seed";
import { printBanner } from "./banner.ts";
import { type DevstackConfig, loadDevstackConfig, REPO_ROOT, resolveSecrets } from "./config.ts";
import { openDevDatabase, redact } from "./database.ts";
import { devSmsConfig } from "./dev-sms.ts";
import { migratePlatform, startPlatform } from "./platform.ts";
import { startPortal } from "./portal.ts";
import { isSeeded, seedPlatform } from "./seed.ts";

/**
 * `npm start`: embedded PostgreSQL (unless DATABASE_URL), migrations, demo data if empty, the five
 * subgraphs, gateway, worker and portal, then the URLs and demo logins. Ctrl-C stops it all.
 */
async function main() {
  const started = Date.now();
  let config: DevstackConfig;
  try {
    config = loadDevstackConfig();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : describeStartError(error));
    process.exit(1);
  }
  const secrets = resolveSecrets(config);
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    // Ctrl-C reaches the embedded PostgreSQL too (same process group), so it is already closing
    // connections under the services: their "terminating connection" complaints are expected now.
    console.error = () => {};
    for (const stop of stops.reverse()) await stop().catch(() => {});
    process.exit(code);
  };
  process.on("uncaughtException", (error) => {
    if (stopping) return;
    console.error(`npm start: ${describeStartError(error)}`);
    void shutdown(1);
  });
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));

  try {
    const db = await openDevDatabase(config, secrets.appDbPassword);
    if (db.embedded) stops.push(() => db.embedded?.stop() ?? Promise.resolve());
    console.log(
      `PostgreSQL: ${db.embedded ? `embedded, data in ${path.relative(process.cwd(), config.dataDir)}/pg` : redact(db.adminUrl)}`,
    );

    await migratePlatform(db.adminUrl, { user: config.appRole.user, password: secrets.appDbPassword });
    const dataset = buildDemoDataset();
    if (config.seed === "always" || (config.seed === "if-empty" && !(await isSeeded(db.appUrl)))) {
      console.log("Loading the demo tenants…");
      await seedPlatform(db.appUrl, dataset);
    }

    const sms = await devSmsConfig(config.sms, db.appUrl, config.smsSender);
    stops.push(() => sms.stop());
    const supergraphSdl = readFileSync(path.join(REPO_ROOT, "schema/supergraph.graphql"), "utf8");
    const platform = await startPlatform({
      appUrl: db.appUrl,
      queueUrl: db.adminUrl,
      internalTokenSecret: secrets.internalToken,
      portalClientSecret: secrets.portalClient,
      host: config.host,
      ports: config.ports,
      mail: config.mail,
      sms: sms.sms,
      supergraphSdl,
      // Links in identity's mails (activation, recovery, invitations) open the portal started below.
      portalUrl: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.ports.portal}`,
    });
    stops.push(() => platform.stop());

    const portal = await startPortal({
      host: config.host,
      port: config.ports.portal,
      gatewayUrl: platform.gatewayGraphqlUrl,
      databaseUrl: db.appUrl,
      sessionSecret: secrets.session,
      clientSecret: secrets.portalClient,
      devMailbox: config.mail.kind === "dev-mailbox",
    });
    stops.push(() => portal.close());

    printBanner({ portalUrl: portal.url, platform, config, dataset, seconds: (Date.now() - started) / 1000 });
  } catch (error) {
    console.error(`npm start: ${describeStartError(error)}`);
    await shutdown(1);
  }
}

await main();
