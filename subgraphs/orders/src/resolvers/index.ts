import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { checkoutResolvers } from "../checkout/resolvers.ts";
import { dealerCardResolvers } from "../dealer-card/resolvers.ts";
import { isOrderFailure } from "../domain/errors.ts";
import { importResolvers } from "../import/resolvers.ts";
import { tenantConfigResolvers } from "../tenant-config/apply.ts";
import { turnoverResolvers } from "../turnover/resolvers.ts";
import { workflowAdminResolvers } from "../workflow-admin/resolvers.ts";
import { listResolvers } from "./Lists.ts";
import { managerResolvers } from "./Manager.ts";
import { Mutation } from "./Mutation.ts";
import { Order, OrderLine } from "./Order.ts";
import { Query } from "./Query.ts";
import { MinorUnits } from "./scalars.ts";
import { workflowResolvers } from "./Workflow.ts";

type ResolverMap = Record<string, Record<string, unknown> | unknown>;

const core: ResolverMap = {
  MinorUnits,
  Query,
  Mutation,
  Order,
  OrderLine,
  OrderResult: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : "Order") },
  DraftCopyResult: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : "DraftCopy") },
  DeleteDraftResult: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : "DeletedDraft") },
  UserError: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : null) },
};

/** Resolver modules of the subgraph, one per feature; a type's fields may come from several. */
const MODULES: ResolverMap[] = [
  core,
  workflowResolvers,
  managerResolvers,
  listResolvers,
  importResolvers,
  tenantConfigResolvers,
  workflowAdminResolvers,
  checkoutResolvers,
  turnoverResolvers,
  dealerCardResolvers,
];

function merge(modules: ResolverMap[]): ResolverMap {
  const out: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [type, fields] of Object.entries(m)) {
      const prev = out[type];
      const plain = (v: unknown): v is object =>
        typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype;
      out[type] = plain(prev) && plain(fields) ? { ...prev, ...fields } : fields;
    }
  }
  return out;
}

export const resolvers = merge(MODULES) as GraphQLResolverMap<unknown>;
