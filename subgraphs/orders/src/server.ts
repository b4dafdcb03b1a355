import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp } from "@dpp/server";
import { sql } from "drizzle-orm";
import { concatAST } from "graphql";
import { gql } from "graphql-tag";
import { createCheckoutClients } from "./checkout/clients.ts";
import { createOrderServices } from "./clients/services.ts";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { createImportClients } from "./import/clients.ts";
import { resolvers } from "./resolvers/index.ts";

/** The subgraph's SDL modules, merged into one schema; a feature adds its own file here. */
const SDL_MODULES = [
  "./schema.graphql",
  "./import/schema.graphql",
  "./tenant-config/schema.graphql",
  "./workflow-admin/schema.graphql",
  "./checkout/schema.graphql",
  "./turnover/schema.graphql",
  "./dealer-card/schema.graphql",
];
export const typeDefs = concatAST(SDL_MODULES.map((path) => gql(readFileSync(new URL(path, import.meta.url), "utf8"))));
export const migrations = { schema: "orders", folder: new URL("./db/migrations", import.meta.url).pathname };

const open = (url: string) => createDb(url, schema, { applicationName: "orders", max: 10 });
export type OrdersDb = ReturnType<typeof open>["db"];

export interface OrdersDeps {
  databaseUrl: string;
  internalTokenSecret: string;
  /** Base URL of the catalog subgraph (lines are priced through its API). */
  catalogUrl: string;
  /** Base URL of the finance subgraph (workflow guards on contracts and debt); a function when finance starts after orders. */
  financeUrl: string | (() => string);
  /** Base URL of the inventory subgraph (workflow effects reserve_stock / release_stock). */
  inventoryUrl: string;
  /** Base URL of the identity subgraph (checkout: the user's counterparties; the dealer's personal manager). */
  identityUrl?: string;
  maskErrors?: boolean;
}

/** Builds the orders subgraph; the caller listens and calls stop(). */
export async function createServer(deps: OrdersDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl);
  const services = createOrderServices({
    financeUrl: deps.financeUrl,
    inventoryUrl: deps.inventoryUrl,
    identityUrl: deps.identityUrl,
    secret: deps.internalTokenSecret,
  });
  const imports = createImportClients(deps);
  const checkoutClients = createCheckoutClients(deps);
  const sub = await createSubgraphApp({
    name: "orders",
    typeDefs,
    resolvers,
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: (identity) => ({
      ...createContext(db, identity, {
        catalogUrl: deps.catalogUrl,
        internalTokenSecret: deps.internalTokenSecret,
        services,
      }),
      imports,
      checkoutClients,
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
