import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import { gql } from "graphql-tag";
import { createContext, type IdentityRuntime } from "./context.ts";
import * as schema from "./db/schema.ts";
import { keyFromPem, loadOrCreateKey } from "./keys.ts";
import { resolvers } from "./resolvers/index.ts";

export const typeDefs = gql(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
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
}

/** Builds the identity subgraph (and its JWKS route); the caller listens and calls stop(). */
export async function createServer(deps: IdentityDeps) {
  const { sql: pool, db } = open(deps.databaseUrl);
  try {
    const rt: IdentityRuntime = {
      db,
      key: deps.signingKeyPem ? await keyFromPem(deps.signingKeyPem) : await loadOrCreateKey(db),
      issuer: deps.issuer ?? "dpp-identity",
      accessTokenTtlSeconds: deps.accessTokenTtlSeconds ?? 900,
      refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds ?? 2_592_000,
      dummyHash: await hash(randomBytes(32).toString("base64url")),
    };
    const sub = await createSubgraphApp({
      name: "identity",
      typeDefs,
      resolvers,
      internalTokenSecret: deps.internalTokenSecret,
      maskErrors: deps.maskErrors,
      context: ({ actor }) => createContext(rt, actor),
      health: async () => {
        await db.execute(sql`select 1`);
      },
      routes: (app) => {
        app.get(JWKS_PATH, (_req, res) => {
          res.set("cache-control", "public, max-age=300").json(rt.key.jwks);
        });
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
