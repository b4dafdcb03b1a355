import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { concatAST } from "graphql";
import { gql } from "graphql-tag";
import { createCatalogLookup } from "./clients/catalog.ts";
import { createOrdersLookup } from "./clients/orders.ts";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { resolvers } from "./resolvers/index.ts";
import { tenantConfigResolvers } from "./tenant-config/apply.ts";

/** The subgraph's SDL modules, merged into one schema; a feature adds its own file here. */
const SDL_MODULES = ["./schema.graphql", "./tenant-config/schema.graphql", "./readiness/schema.graphql"];
export const typeDefs = concatAST(SDL_MODULES.map((path) => gql(readFileSync(new URL(path, import.meta.url), "utf8"))));
export const migrations = { schema: "inventory", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "inventory", max: 10 });
export type InventoryDb = ReturnType<typeof open>["db"];

export interface InventoryDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  /** The catalog subgraph (articles in stock files → product ids). */
  catalogUrl: string;
  /**
   * The orders subgraph (shipments and readiness reports read orders); a function when it starts
   * later. Absent (tests of stock alone): those fields answer that orders is not wired.
   */
  ordersUrl?: string | (() => string);
  maskErrors?: boolean;
}

/** Builds the inventory subgraph; the caller listens and calls stop(). */
export async function createServer(deps: InventoryDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl);
  const catalog = createCatalogLookup({ catalogUrl: deps.catalogUrl, internalTokenSecret: deps.internalTokenSecret });
  const orders = createOrdersLookup({
    ordersUrl:
      deps.ordersUrl ??
      (() => {
        throw new Error("inventory: ORDERS_URL is not wired");
      }),
    internalTokenSecret: deps.internalTokenSecret,
  });
  const sub = await createSubgraphApp({
    name: "inventory",
    typeDefs,
    resolvers: { ...resolvers, Mutation: { ...resolvers.Mutation, ...tenantConfigResolvers.Mutation } },
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: ({ actor }) => createContext(db, actor, catalog, orders),
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
