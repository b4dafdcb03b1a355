import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { concatAST } from "graphql";
import { gql } from "graphql-tag";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { resolvers } from "./resolvers/index.ts";
import { revisionResolvers } from "./revisions/resolvers.ts";
import { tenantConfigResolvers } from "./tenant-config/apply.ts";

/** The subgraph's SDL modules, merged into one schema; a feature adds its own file here. */
const SDL_MODULES = ["./schema.graphql", "./tenant-config/schema.graphql", "./revisions/schema.graphql"];
export const typeDefs = concatAST(SDL_MODULES.map((path) => gql(readFileSync(new URL(path, import.meta.url), "utf8"))));
export const migrations = { schema: "finance", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "finance", max: 10 });
export type FinanceDb = ReturnType<typeof open>["db"];

export interface FinanceDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  /** Base URLs (…/graphql is appended) of the subgraphs documents read from. */
  ordersUrl?: string;
  identityUrl?: string;
  inventoryUrl?: string;
  maskErrors?: boolean;
}

/** Builds the finance subgraph; the caller listens and calls stop(). */
export async function createServer(deps: FinanceDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl);
  const sub = await createSubgraphApp({
    name: "finance",
    typeDefs,
    resolvers: {
      ...resolvers,
      Invoice: revisionResolvers.Invoice,
      Query: { ...resolvers.Query, ...revisionResolvers.Query },
      Mutation: { ...resolvers.Mutation, ...tenantConfigResolvers.Mutation, ...revisionResolvers.Mutation },
    },
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: (identity) =>
      createContext(db, identity, {
        ordersUrl: deps.ordersUrl ?? "http://127.0.0.1:4003",
        identityUrl: deps.identityUrl ?? "http://127.0.0.1:4001",
        inventoryUrl: deps.inventoryUrl ?? "http://127.0.0.1:4005",
        internalTokenSecret: deps.internalTokenSecret,
      }),
    health: async () => {
      await db.execute(sql`select 1`);
    },
    poolStats,
  });
  return {
    app: sub.app,
    db,
    stop: async () => {
      await sub.stop();
      await pool.end({ timeout: 5 });
    },
  };
}
