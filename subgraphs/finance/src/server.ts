import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { gql } from "graphql-tag";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { resolvers } from "./resolvers/index.ts";

export const typeDefs = gql(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
export const migrations = { schema: "finance", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "finance", max: 10 });
export type FinanceDb = ReturnType<typeof open>["db"];

export interface FinanceDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  maskErrors?: boolean;
}

/** Builds the finance subgraph; the caller listens and calls stop(). */
export async function createServer(deps: FinanceDeps) {
  const { sql: pool, db } = open(deps.databaseUrl);
  const sub = await createSubgraphApp({
    name: "finance",
    typeDefs,
    resolvers,
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: ({ actor }) => createContext(db, actor),
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
