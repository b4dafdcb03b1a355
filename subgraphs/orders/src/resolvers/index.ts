import { isOrderFailure } from "../domain/errors.ts";
import { Mutation } from "./Mutation.ts";
import { Order, OrderLine } from "./Order.ts";
import { Query } from "./Query.ts";
import { MinorUnits } from "./scalars.ts";

export const resolvers = {
  MinorUnits,
  Query,
  Mutation,
  Order,
  OrderLine,
  OrderResult: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : "Order") },
  UserError: { __resolveType: (v: unknown) => (isOrderFailure(v) ? "OrderError" : null) },
};
