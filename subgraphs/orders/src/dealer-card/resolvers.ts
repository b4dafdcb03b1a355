import { forbidden } from "@dpp/server";
import type { OrdersContext } from "../context.ts";
import { listOrders } from "../db/queries.ts";
import { actingSide } from "../services/transitions.ts";

/** The dealer card's orders part: a company's latest submitted orders, for the supplier's staff only. */
export const dealerCardResolvers = {
  Query: {
    companyOrders: (_: unknown, args: { companyId: string; first?: number | null }, ctx: OrdersContext) => {
      const acting = actingSide(ctx.actor);
      if (acting.side !== "manager") throw forbidden("Только для сотрудников поставщика");
      const first = Math.min(Math.max(args.first ?? 10, 1), 50);
      return listOrders(
        ctx.db,
        { tenantId: acting.scope.tenantId, companyId: args.companyId },
        { drafts: false, first },
      );
    },
  },
};
