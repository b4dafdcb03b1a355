import { runMain } from "@dpp/config";
import { createMailer, createSmsSender } from "@dpp/mail";
import postgres from "postgres";
import { loadWorkerConfig } from "./config.ts";
import { createFinanceClient } from "./finance-client.ts";
import { startHealthServer } from "./health.ts";
import { createIdentityAuditLog } from "./identity-audit.ts";
import { createIdentityDirectory } from "./identity-directory.ts";
import { createInventoryService, createOrderEvents } from "./inventory-clients.ts";
import { pinoWorkerLogger } from "./logger.ts";
import { tenantConfigTargets } from "./tenant-config.ts";
import { startWorker } from "./worker.ts";

await runMain("worker", async () => {
  const config = loadWorkerConfig();
  // The dev mailbox writes to mail.dev_messages as the app role; SMTP needs no database.
  const mailSql =
    config.mail.kind === "dev-mailbox" ? postgres(config.database.url, { max: 2, onnotice: () => {} }) : undefined;
  const mailer = createMailer(config.mail, mailSql);
  const worker = await startWorker({
    databaseUrl: config.database.url,
    queueDatabaseUrl: config.queue.url,
    concurrency: config.queue.concurrency,
    outboxSchemas: config.outboxSchemas,
    webhooks: config.webhooks,
    mailer,
    sms: createSmsSender(config.sms),
    nomenclature: { catalogUrl: config.catalogUrl, internalTokenSecret: config.internalTokenSecret },
    directory: createIdentityDirectory({
      identityUrl: config.identityUrl,
      internalTokenSecret: config.internalTokenSecret,
    }),
    audit: createIdentityAuditLog({ identityUrl: config.identityUrl, internalTokenSecret: config.internalTokenSecret }),
    finance: createFinanceClient({ financeUrl: config.financeUrl, internalTokenSecret: config.internalTokenSecret }),
    inventory: createInventoryService({
      inventoryUrl: config.inventoryUrl,
      internalTokenSecret: config.internalTokenSecret,
    }),
    orderEvents: createOrderEvents({ ordersUrl: config.ordersUrl, internalTokenSecret: config.internalTokenSecret }),
    portalUrl: config.portalUrl,
    tenantConfig: { targets: tenantConfigTargets(config), internalTokenSecret: config.internalTokenSecret },
    logger: pinoWorkerLogger(config.env === "production" ? "warning" : "info"),
  });
  const health = await startHealthServer(
    () => worker.health(),
    config.http.port,
    config.http.host,
    worker.metrics.registry,
  );
  console.log(
    `worker running (mail: ${config.mail.kind}, sms: ${config.sms.kind}); health on ${health.url}/health, metrics on /metrics`,
  );
  const shutdown = async () => {
    await health.close();
    await worker.stop();
    mailer.close();
    await mailSql?.end({ timeout: 5 });
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
