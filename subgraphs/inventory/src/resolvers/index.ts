import { GraphQLScalarType, Kind } from "graphql";
import type { InventoryContext, StockEntry } from "../context.ts";
import type { WarehouseRow } from "../db/queries.ts";
import { displayStock } from "../domain/stock-display.ts";
import { distributorMutations, distributorQueries } from "./distributors.ts";
import { leadTimeQueries } from "./lead-times.ts";
import { readinessMutations, readinessQueries, readinessTypes } from "./readiness.ts";
import { reservationMutations, reservationQueries, reservationTypes } from "./reservations.ts";
import { restockMutations } from "./restock.ts";
import { shipmentMutations, shipmentQueries, shipmentTypes } from "./shipments.ts";
import { stockMutations } from "./stock.ts";

interface ProductRef {
  id: string;
}

const safeInteger = (v: unknown) => {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError("MinorUnits must be a safe integer");
  return v;
};

const MinorUnits = new GraphQLScalarType({
  name: "MinorUnits",
  description: "An amount in minor units (kopecks) as a JSON number (safe integer).",
  serialize: safeInteger,
  parseValue: safeInteger,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new TypeError("MinorUnits must be an integer");
    return safeInteger(Number(ast.value));
  },
});

const available = (e: StockEntry) => Math.max(0, e.quantity - e.reserved);

export const resolvers = {
  Query: {
    warehouses: (_: unknown, __: unknown, ctx: InventoryContext) => ctx.warehouses(),
    ...reservationQueries,
    ...leadTimeQueries,
    ...distributorQueries,
    ...shipmentQueries,
    ...readinessQueries,
  },
  Mutation: {
    ...reservationMutations,
    ...stockMutations,
    ...distributorMutations,
    ...restockMutations,
    ...shipmentMutations,
    ...readinessMutations,
  },
  MinorUnits,
  ...reservationTypes,
  ...readinessTypes,
  ...shipmentTypes,
  Warehouse: {
    __resolveReference: (ref: { id: string }, ctx: InventoryContext) => ctx.loaders.warehouse.load(ref.id),
  },
  Product: {
    // Inventory owns no product rows: the reference is the product; its stock is keyed by id.
    __resolveReference: (ref: ProductRef, ctx: InventoryContext) => {
      ctx.tenantId();
      return { id: ref.id };
    },
    stock: (product: ProductRef, _: unknown, ctx: InventoryContext) => ctx.loaders.stock.load(product.id),
    distributorStock: (product: ProductRef, _: unknown, ctx: InventoryContext) =>
      ctx.loaders.distributorOffers.load(product.id),
    restockSubscribed: (product: ProductRef, _: unknown, ctx: InventoryContext) => ctx.loaders.restock.load(product.id),
    availableQuantity: async (product: ProductRef, _: unknown, ctx: InventoryContext) => {
      const entries = await ctx.loaders.stock.load(product.id);
      return entries.reduce((sum, e) => sum + available(e), 0);
    },
  },
  DistributorOffer: {
    uploadedAt: (o: { uploadedAt: Date }) => o.uploadedAt.toISOString(),
  },
  StockLevel: {
    warehouse: (entry: StockEntry): WarehouseRow => entry.warehouse,
    available,
    display: async (entry: StockEntry, _: unknown, ctx: InventoryContext) =>
      displayStock(available(entry), await ctx.stockDisplay()),
  },
};
