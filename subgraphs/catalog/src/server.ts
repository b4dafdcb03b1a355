import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { gql } from "graphql-tag";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { resolvers } from "./resolvers/index.ts";

export const typeDefs = gql(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
export const migrations = { schema: "catalog", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string, onQuery?: (query: string) => void) =>
  createDb(url, schema, { applicationName: "catalog", max: 10, onQuery });
export type CatalogDb = ReturnType<typeof open>["db"];

export interface CatalogDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  maskErrors?: boolean;
  /** Sees every SQL statement the subgraph sends (tests count them). */
  onQuery?: (query: string) => void;
}

/** Builds the catalog subgraph; the caller listens and calls stop(). */
export async function createServer(deps: CatalogDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl, deps.onQuery);
  const sub = await createSubgraphApp({
    name: "catalog",
    typeDefs,
    resolvers,
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: ({ actor }) => createContext(db, actor),
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
