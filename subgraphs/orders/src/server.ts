import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { gql } from "graphql-tag";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { resolvers } from "./resolvers/index.ts";

export const typeDefs = gql(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
export const migrations = { schema: "orders", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "orders", max: 10 });
export type OrdersDb = ReturnType<typeof open>["db"];

export interface OrdersDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  /** Base URL of the catalog subgraph (lines are priced through its API). */
  catalogUrl: string;
  maskErrors?: boolean;
}

/** Builds the orders subgraph; the caller listens and calls stop(). */
export async function createServer(deps: OrdersDeps) {
  const { sql: pool, db } = open(deps.databaseUrl);
  const sub = await createSubgraphApp({
    name: "orders",
    typeDefs,
    resolvers,
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: (identity) =>
      createContext(db, identity, { catalogUrl: deps.catalogUrl, internalTokenSecret: deps.internalTokenSecret }),
    health: async () => {
      await db.execute(sql`select 1`);
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
}
