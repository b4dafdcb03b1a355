import { readFileSync } from "node:fs";
import { devSmsConfig, type Platform, platformMigrations, seedPlatform, startPlatform } from "@dpp/devstack";
import { smsEnv, toSmsConfig } from "@dpp/mail";
import { buildDemoDataset, type DemoDataset } from "@dpp/seed";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { TEST_INTERNAL_SECRET } from "./graphql-client.ts";

export interface Stack {
  /** The gateway's /graphql URL. */
  gatewayUrl: string;
  urls: Platform["urls"];
  db: TestDatabase;
  dataset: DemoDataset;
  internalTokenSecret: string;
  stop(): Promise<void>;
}

const SUPERGRAPH = new URL("../../../schema/supergraph.graphql", import.meta.url);

/**
 * The whole platform for one test file: its own database with every migration and the demo
 * tenants, the five subgraphs, the gateway and the outbox worker on free ports.
 * Mail goes to `smtpUrl` when given (a real SMTP server the test starts), else the dev mailbox;
 * links in identity's mails point at `portalUrl` when given; SMS go over SMPP to `smsUrl` when given,
 * or with `devSms` to the dev stack's local SMPP sink (mail.dev_sms, the /dev/mail page).
 */
export async function startStack(
  opts: { smtpUrl?: string; portalUrl?: string; smsUrl?: string; devSms?: boolean } = {},
): Promise<Stack> {
  const db = await createTestDatabase(platformMigrations);
  const dataset = buildDemoDataset();
  await seedPlatform(db.appUrl, dataset);
  const from = "Дилерский портал <no-reply@dealer-portal.test>";
  const devSms = opts.devSms ? await devSmsConfig({ kind: "none" }, db.appUrl, "Portal") : null;
  const platform = await startPlatform({
    appUrl: db.appUrl,
    queueUrl: db.adminUrl,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    host: "127.0.0.1",
    ports: { gateway: 0, identity: 0, catalog: 0, orders: 0, finance: 0, inventory: 0 },
    mail: opts.smtpUrl ? { kind: "smtp", url: opts.smtpUrl, from } : { kind: "dev-mailbox", from },
    sms:
      devSms?.sms ??
      (opts.smsUrl ? toSmsConfig(smsEnv.parse({ SMS_SMPP_URL: opts.smsUrl, SMS_SENDER: "Portal" })) : undefined),
    supergraphSdl: readFileSync(SUPERGRAPH, "utf8"),
    worker: true,
    portalUrl: opts.portalUrl,
    // A rotated key signs 2 s after it is published; the gateway may refetch after 1 s.
    keyRotation: { publishDelayMs: 2_000, jwksCooldownMs: 1_000 },
  });
  return {
    gatewayUrl: platform.gatewayGraphqlUrl,
    urls: platform.urls,
    db,
    dataset,
    internalTokenSecret: TEST_INTERNAL_SECRET,
    stop: async () => {
      await platform.stop();
      await devSms?.stop();
      await db.drop();
    },
  };
}
