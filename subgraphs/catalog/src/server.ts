import { readFileSync } from "node:fs";
import { createDb } from "@dpp/db";
import { createSubgraphApp, requireTenant } from "@dpp/server";
import { sql } from "drizzle-orm";
import { concatAST } from "graphql";
import { gql } from "graphql-tag";
import { contentResolvers } from "./content/service.ts";
import { createContext } from "./context.ts";
import * as schema from "./db/schema.ts";
import { dealerCardResolvers } from "./dealer-card/resolvers.ts";
import { nomenclatureMailResolvers } from "./nomenclature-mail/service.ts";
import { createCompanyMailer } from "./presentations/identity-client.ts";
import { presentationResolvers } from "./presentations/resolvers.ts";
import { promotionAdminResolvers } from "./promotions-admin/service.ts";
import { resolvers } from "./resolvers/index.ts";
import { NOMENCLATURE_RIGHT } from "./services/nomenclature.ts";
import { tenantConfigResolvers } from "./tenant-config/apply.ts";
import { createTurnoverSource } from "./turnover/orders-client.ts";

/** The subgraph's SDL modules, merged into one schema; a feature adds its own file here. */
const SDL_MODULES = [
  "./schema.graphql",
  "./presentations/schema.graphql",
  "./nomenclature-mail/schema.graphql",
  "./promotions-admin/schema.graphql",
  "./tenant-config/schema.graphql",
  "./dealer-card/schema.graphql",
  "./content/schema.graphql",
];
export const typeDefs = concatAST(SDL_MODULES.map((path) => gql(readFileSync(new URL(path, import.meta.url), "utf8"))));
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
  /** Base URL of the identity subgraph (a sent presentation is mailed to the dealer's logins through it). */
  identityUrl?: string;
  /** Base URL of the orders subgraph (cumulative turnover tiers); a function when orders starts after catalog. */
  ordersUrl?: string | (() => string);
}

/** Builds the catalog subgraph; the caller listens and calls stop(). */
export async function createServer(deps: CatalogDeps) {
  const { sql: pool, db, poolStats } = open(deps.databaseUrl, deps.onQuery);
  const mailer = deps.identityUrl
    ? createCompanyMailer({ identityUrl: deps.identityUrl, secret: deps.internalTokenSecret })
    : null;
  const turnover = deps.ordersUrl
    ? createTurnoverSource({ ordersUrl: deps.ordersUrl, secret: deps.internalTokenSecret })
    : null;
  const sub = await createSubgraphApp({
    name: "catalog",
    typeDefs,
    resolvers: {
      ...resolvers,
      ...presentationResolvers.types,
      ...promotionAdminResolvers.types,
      ...contentResolvers.types,
      Promotion: { ...resolvers.Promotion, ...promotionAdminResolvers.Promotion },
      Query: {
        ...resolvers.Query,
        ...presentationResolvers.Query,
        ...nomenclatureMailResolvers.Query,
        ...promotionAdminResolvers.Query,
        ...dealerCardResolvers.Query,
        ...contentResolvers.Query,
      },
      Mutation: {
        ...resolvers.Mutation,
        ...tenantConfigResolvers.Mutation,
        ...presentationResolvers.Mutation,
        ...nomenclatureMailResolvers.Mutation,
        ...promotionAdminResolvers.Mutation,
        ...contentResolvers.Mutation,
      },
    },
    internalTokenSecret: deps.internalTokenSecret,
    maskErrors: deps.maskErrors,
    context: ({ actor, requestId }) => {
      const turnoverOf = turnover ? (t: string, c: string) => turnover(t, c, requestId) : undefined;
      return {
        ...createContext(db, actor, turnoverOf),
        presentations: { mailer },
        /** Prices as a dealer company (the daily nomenclature file): a dealer of it with the file right. */
        asCompany: (companyId: string) =>
          createContext(
            db,
            {
              kind: "user",
              userId: `service:${actor.kind === "service" ? actor.service : "catalog"}`,
              tenantId: requireTenant(actor),
              companyId,
              roles: ["dealer"],
              permissions: [NOMENCLATURE_RIGHT],
              counterpartyId: null,
            },
            turnoverOf,
          ),
      };
    },
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
