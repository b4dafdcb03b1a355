import * as catalog from "@dpp/catalog";
import type { AppRole, SchemaMigrations } from "@dpp/db";
import { migrateAll } from "@dpp/db";
import * as finance from "@dpp/finance";
import * as gateway from "@dpp/gateway";
import * as identity from "@dpp/identity";
import * as inventory from "@dpp/inventory";
import { createMailer, createSmsSender, type MailConfig, mailMigrations, type SmsConfig } from "@dpp/mail";
import * as orders from "@dpp/orders";
import { portalMigrations } from "@dpp/portal";
import { type Listening, listen } from "@dpp/server";
import {
  createFinanceClient,
  createIdentityAuditLog,
  createIdentityDirectory,
  createInventoryService,
  createOrderEvents,
  installJobQueue,
  startWorker,
  tenantConfigTargets,
} from "@dpp/worker";
import postgres from "postgres";

/** Every schema's migrations, in dependency order. */
export const platformMigrations: SchemaMigrations[] = [
  identity.migrations,
  catalog.migrations,
  inventory.migrations,
  orders.migrations,
  finance.migrations,
  mailMigrations,
  portalMigrations,
];

/** Installs the job queue, applies every schema's migrations and grants the app role. */
export async function migratePlatform(adminUrl: string, role: AppRole): Promise<void> {
  await installJobQueue(adminUrl);
  await migrateAll(adminUrl, platformMigrations, role);
}

export interface PlatformPorts {
  gateway: number;
  identity: number;
  catalog: number;
  orders: number;
  finance: number;
  inventory: number;
}

export interface PlatformOptions {
  /** The services' connection (app role: no BYPASSRLS). */
  appUrl: string;
  /** Used only by the job queue's own schema (graphile-worker). */
  queueUrl: string;
  internalTokenSecret: string;
  host: string;
  ports: PlatformPorts;
  mail: MailConfig;
  /** Where the worker sends SMS (default none: recorded as not configured). */
  sms?: SmsConfig;
  supergraphSdl: string;
  maskErrors?: boolean;
  /** The portal's public URL, for links in identity's mails. */
  portalUrl?: string;
  /** Shared with the portal: its requests must be signed with it (trusted documents). */
  portalClientSecret?: string;
  /** Start the outbox worker (default true). */
  worker?: boolean;
  /** Signing-key rotation timing: identity's publish delay and the gateway's JWKS refetch cooldown (defaults 65 s / 30 s). */
  keyRotation?: { publishDelayMs: number; jwksCooldownMs: number };
  /** The gateway's rate limits (default: its defaults); benches raise them so they never refuse. */
  gatewayRateLimits?: gateway.GatewayDeps["rateLimits"];
}

export interface Platform {
  urls: Record<keyof PlatformPorts, string>;
  gatewayGraphqlUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the five subgraphs, the gateway and the worker in this process, each on its own port,
 * talking over HTTP exactly as separate processes would. Stops them in reverse order.
 */
export async function startPlatform(opts: PlatformOptions): Promise<Platform> {
  const stops: (() => Promise<void>)[] = [];
  const common = {
    databaseUrl: opts.appUrl,
    internalTokenSecret: opts.internalTokenSecret,
    maskErrors: opts.maskErrors,
  };
  const up = async (
    name: string,
    server: { app: Parameters<typeof listen>[0]; stop(): Promise<void> },
    port: number,
  ) => {
    let l: Listening;
    try {
      l = await listen(server.app, port, opts.host);
    } catch (error) {
      await server.stop();
      throw portError(name, port, error);
    }
    stops.push(async () => {
      await l.close();
      await server.stop();
    });
    return l.url;
  };
  try {
    // Identity sends its account mails (links, codes, generated passwords) itself: link secrets never sit in an outbox.
    const identityMailSql = postgres(opts.appUrl, { max: 1, onnotice: () => {} });
    const identityMailer = createMailer(opts.mail, identityMailSql);
    stops.push(async () => {
      identityMailer.close();
      await identityMailSql.end({ timeout: 5 });
    });
    let financeUrl = "";
    let ordersUrl = "";
    const identityUrl = await up(
      "identity",
      await identity.createServer({
        ...common,
        // Orders starts after identity; identity asks it for the current workflow when a definition is saved.
        ordersUrl: () => ordersUrl,
        mailer: identityMailer,
        portalUrl: opts.portalUrl,
        // Development and tests: webhook receivers run on localhost.
        webhookAllowPrivateUrls: true,
        keyTiming: opts.keyRotation && { refreshMs: 30_000, publishDelayMs: opts.keyRotation.publishDelayMs },
      }),
      opts.ports.identity,
    );
    const catalogUrl = await up(
      "catalog",
      // Orders starts after catalog; catalog asks orders only for a company's turnover (turnover tiers).
      await catalog.createServer({ ...common, identityUrl, ordersUrl: () => ordersUrl }),
      opts.ports.catalog,
    );
    const inventoryUrl = await up(
      "inventory",
      // Orders starts after inventory; inventory asks orders only for shipments and readiness reports.
      await inventory.createServer({ ...common, catalogUrl, ordersUrl: () => ordersUrl }),
      opts.ports.inventory,
    );
    ordersUrl = await up(
      "orders",
      // Finance starts after orders (it needs ordersUrl); orders asks finance only when a guard needs it.
      await orders.createServer({ ...common, catalogUrl, inventoryUrl, identityUrl, financeUrl: () => financeUrl }),
      opts.ports.orders,
    );
    financeUrl = await up(
      "finance",
      await finance.createServer({ ...common, ordersUrl, identityUrl, inventoryUrl }),
      opts.ports.finance,
    );
    const subgraphUrls = {
      identity: `${identityUrl}/graphql`,
      catalog: `${catalogUrl}/graphql`,
      inventory: `${inventoryUrl}/graphql`,
      orders: `${ordersUrl}/graphql`,
      finance: `${financeUrl}/graphql`,
    };
    const gatewayUrl = await up(
      "gateway",
      await gateway.createServer({
        supergraphSdl: opts.supergraphSdl,
        subgraphUrls,
        jwksUrl: `${identityUrl}/.well-known/jwks.json`,
        issuer: "dpp-identity",
        internalTokenSecret: opts.internalTokenSecret,
        maskErrors: opts.maskErrors,
        jwksCooldownMs: opts.keyRotation?.jwksCooldownMs,
        rateLimits: opts.gatewayRateLimits,
        persistedDocuments: opts.portalClientSecret
          ? {
              manifest: gateway.loadManifest(`${gateway.repoRoot}schema/operations/portal.json`),
              clientSecret: opts.portalClientSecret,
            }
          : undefined,
      }),
      opts.ports.gateway,
    );
    if (opts.worker !== false) {
      const mailSql = postgres(opts.appUrl, { max: 2, onnotice: () => {} });
      const mailer = createMailer(opts.mail, mailSql);
      const worker = await startWorker({
        databaseUrl: opts.appUrl,
        queueDatabaseUrl: opts.queueUrl,
        mailer,
        sms: createSmsSender(opts.sms ?? { kind: "none" }),
        directory: createIdentityDirectory({ identityUrl, internalTokenSecret: opts.internalTokenSecret }),
        finance: createFinanceClient({ financeUrl, internalTokenSecret: opts.internalTokenSecret }),
        audit: createIdentityAuditLog({ identityUrl, internalTokenSecret: opts.internalTokenSecret }),
        inventory: createInventoryService({ inventoryUrl, internalTokenSecret: opts.internalTokenSecret }),
        orderEvents: createOrderEvents({ ordersUrl, internalTokenSecret: opts.internalTokenSecret }),
        portalUrl: opts.portalUrl,
        webhooks: { allowPrivateAddresses: true },
        nomenclature: { catalogUrl, internalTokenSecret: opts.internalTokenSecret },
        tenantConfig: {
          targets: tenantConfigTargets({ catalogUrl, ordersUrl, financeUrl, inventoryUrl }),
          internalTokenSecret: opts.internalTokenSecret,
        },
      });
      stops.push(async () => {
        await worker.stop();
        mailer.close();
        await mailSql.end({ timeout: 5 });
      });
    }
    return {
      urls: {
        gateway: gatewayUrl,
        identity: identityUrl,
        catalog: catalogUrl,
        inventory: inventoryUrl,
        orders: ordersUrl,
        finance: financeUrl,
      },
      gatewayGraphqlUrl: `${gatewayUrl}/graphql`,
      stop: () => stopAll(stops),
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

async function stopAll(stops: (() => Promise<void>)[]): Promise<void> {
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch {
      // keep stopping the rest
    }
  }
  stops.length = 0;
}

function portError(name: string, port: number, error: unknown): Error {
  if ((error as { code?: string }).code === "EADDRINUSE") {
    return new Error(`${name}: port ${port} is already in use (set ${name.toUpperCase()}_PORT to another port)`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
