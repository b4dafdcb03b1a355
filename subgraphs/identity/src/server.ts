import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import type { Mailer } from "@dpp/mail";
import { createSubgraphApp } from "@dpp/server";
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { concatAST } from "graphql";
import { gql } from "graphql-tag";
import { createContext, type IdentityRuntime } from "./context.ts";
import * as schema from "./db/schema.ts";
import { databaseKeyRing, type KeyTiming, keyRingFromPem } from "./keys.ts";
import { resolvers } from "./resolvers/index.ts";
import { mountApiKeyRoute } from "./services/api-key-route.ts";
import { createLimits, type LimitRules } from "./services/limits.ts";
import { ordersWorkflowSource } from "./tenant-config/orders-client.ts";

/** The subgraph's SDL modules, merged into one schema; a feature adds its own file here. */
const SDL_MODULES = [
  "./schema.graphql",
  "./dealers/schema.graphql",
  "./tenant-config/schema.graphql",
  "./tickets/schema.graphql",
  "./dealer-card/schema.graphql",
];
export const typeDefs = concatAST(SDL_MODULES.map((path) => gql(readFileSync(new URL(path, import.meta.url), "utf8"))));
export const migrations = { schema: "identity", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "identity", max: 10 });
export type IdentityDb = ReturnType<typeof open>["db"];

export const JWKS_PATH = "/.well-known/jwks.json";

export interface IdentityDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  maskErrors?: boolean;
  /** `iss` of access tokens; the gateway verifies it. Default "dpp-identity". */
  issuer?: string;
  /** Default 900 (15 minutes). */
  accessTokenTtlSeconds?: number;
  /** Default 2592000 (30 days). */
  refreshTokenTtlSeconds?: number;
  /** ES256 private key (PKCS8 PEM). Without it, a key is generated once and kept in identity.signing_keys. */
  signingKeyPem?: string;
  /** Account mails (activation, recovery, invitations). Without it those flows answer MAIL_UNAVAILABLE. */
  mailer?: Mailer;
  /** Portal base URL for links in mails. Default http://localhost:3000. */
  portalUrl?: string;
  /** Lifetime of e-mailed links. Default 86400 (24 hours). */
  linkTtlSeconds?: number;
  /** Signing-key refresh and publish-before-sign delay (default DEFAULT_KEY_TIMING). */
  keyTiming?: KeyTiming;
  /** Rate limits and lockouts; defaults in services/limits.ts. */
  limits?: LimitRules;
  /** Accept webhook URLs on localhost and private networks (development, tests). Default false. */
  webhookAllowPrivateUrls?: boolean;
  /**
   * Base URL of orders (its current workflow: document statuses are checked against it); a
   * function when orders starts after identity. Absent only where identity runs alone.
   */
  ordersUrl?: string | (() => string);
}

/** Builds the identity subgraph (and its JWKS route); the caller listens and calls stop(). */
export async function createServer(deps: IdentityDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl);
  try {
    const accessTtl = deps.accessTokenTtlSeconds ?? 900;
    const keys = deps.signingKeyPem
      ? await keyRingFromPem(deps.signingKeyPem)
      : databaseKeyRing(db, accessTtl, deps.keyTiming);
    await keys.current();
    const rt: IdentityRuntime = {
      db,
      keys,
      limits: createLimits(db, deps.limits),
      mailer: deps.mailer ?? null,
      portalUrl: (deps.portalUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
      linkTtlSeconds: deps.linkTtlSeconds ?? 86_400,
      issuer: deps.issuer ?? "dpp-identity",
      accessTokenTtlSeconds: accessTtl,
      refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds ?? 2_592_000,
      webhookAllowPrivateUrls: deps.webhookAllowPrivateUrls ?? false,
      currentWorkflow: deps.ordersUrl ? ordersWorkflowSource(deps.ordersUrl, deps.internalTokenSecret) : null,
      dummyHash: await hash(randomBytes(32).toString("base64url")),
    };
    const sub = await createSubgraphApp({
      name: "identity",
      typeDefs,
      resolvers,
      internalTokenSecret: deps.internalTokenSecret,
      maskErrors: deps.maskErrors,
      context: ({ actor, ip, requestId }) => createContext(rt, actor, { ip, requestId }),
      health: async () => {
        await db.execute(sql`select 1`);
      },
      poolStats,
      routes: (app) => {
        app.get(JWKS_PATH, async (_req, res, next) => {
          try {
            // Short max-age: a rotated key must reach verifiers soon (they also refetch on an unknown kid).
            res.set("cache-control", "public, max-age=60").json(await rt.keys.jwks());
          } catch (error) {
            next(error);
          }
        });
        mountApiKeyRoute(app, rt, deps.internalTokenSecret);
      },
    });
    return {
      app: sub.app,
      db,
      stop: async () => {
        await sub.stop();
        await pool.end({ timeout: 5 });
      },
    };
  } catch (error) {
    await pool.end({ timeout: 5 });
    throw error;
  }
}
