import type { FinanceContext } from "../context.ts";
import type { DocumentTypeRow } from "../db/queries.ts";
import { documentsAt } from "../domain/documents.ts";

/** The representation the gateway sends: the key plus the @requires field from orders. */
interface OrderRef {
  id: string;
  statusCode: string;
}

export const resolvers = {
  Query: {
    documentTypes: async (_: unknown, __: unknown, ctx: FinanceContext) => {
      const rows = await ctx.documentTypes();
      return rows.map((r: DocumentTypeRow) => ({ code: r.code, label: r.label, formats: r.formats }));
    },
  },
  Order: {
    __resolveReference: (ref: OrderRef, ctx: FinanceContext) => {
      ctx.tenantId();
      return ref;
    },
    documents: async (order: OrderRef, _: unknown, ctx: FinanceContext) =>
      documentsAt(await ctx.documentTypes(), order.statusCode),
  },
};
