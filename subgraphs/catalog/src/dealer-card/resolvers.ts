import { forbidden } from "@dpp/server";
import { type CatalogContext, todayInMoscow } from "../context.ts";
import { discountRules } from "../db/queries.ts";
import { isStaff } from "../services/import.ts";

/** The dealer card's catalog part: a company's discounts, for the supplier's staff only. */
export const dealerCardResolvers = {
  Query: {
    companyDiscounts: async (_: unknown, args: { companyId: string }, ctx: CatalogContext) => {
      if (ctx.actor.kind !== "user" || !isStaff(ctx)) throw forbidden("Только для сотрудников поставщика");
      const today = todayInMoscow();
      const rules = await discountRules(ctx.db, ctx.tenantId(), args.companyId);
      return rules.map((r) => ({
        priceGroup: r.priceGroup,
        discountPercent: r.percentBp / 100,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        active: r.validFrom <= today && (r.validUntil === null || r.validUntil >= today),
        forCounterparty: false,
      }));
    },
  },
};
