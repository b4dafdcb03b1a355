import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { gql } from "graphql-tag";
import { createCatalogLookup } from "./clients/catalog.ts";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { resolvers } from "./resolvers/index.ts";

export const typeDefs = gql(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
export const migrations = { schema: "inventory", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "inventory", max: 10 });
export type InventoryDb = ReturnType<typeof open>["db"];

export interface InventoryDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  /** The catalog subgraph (articles in stock files → product ids). */
  catalogUrl: string;
  maskErrors?: boolean;
}

/** Builds the inventory subgraph; the caller listens and calls stop(). */
export async function createServer(deps: InventoryDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl);
  const catalog = createCatalogLookup({ catalogUrl: deps.catalogUrl, internalTokenSecret: deps.internalTokenSecret });
  const sub = await createSubgraphApp({
    name: "inventory",
    typeDefs,
    resolvers,
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: ({ actor }) => createContext(db, actor, catalog),
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
