import { forbidden, requireTenant } from "@dpp/server";
import { GraphQLError } from "graphql";
import type { FinanceContext } from "../context.ts";
import { invoiceOut } from "../resolvers/shape.ts";
import { renderOrderDocument } from "../services/documents.ts";
import { fail } from "../services/erp.ts";
import { type InvoiceRevisionInput, orderInvoice, revisedOn, reviseOrderInvoice } from "./revise.ts";

/** The worker is the only caller: users (staff included) are refused. */
function requireService(ctx: FinanceContext): string {
  if (ctx.actor.kind !== "service") throw forbidden("Только для служб платформы");
  return requireTenant(ctx.actor);
}

type Input = Omit<InvoiceRevisionInput, "at"> & { at: string };

/** The invoice the tenant issues for orders: the "invoice" document type (decision 0010). */
const INVOICE_TYPE = "invoice";

export const revisionResolvers = {
  Invoice: {
    revision: (i: { revision?: number }) => i.revision ?? 0,
    revisedOn: (i: { revisedAt?: Date | null }) => revisedOn({ revisedAt: i.revisedAt ?? null }),
  },
  Query: {
    orderInvoiceFile: async (_: unknown, args: { orderId: string }, ctx: FinanceContext) => {
      const tenantId = requireService(ctx);
      const invoice = await orderInvoice(ctx.db, tenantId, args.orderId);
      if (!invoice) return fail("UNKNOWN_INVOICE", "Счет по заказу не выставлен.");
      return renderOrderDocument(
        ctx,
        invoice.companyId,
        { orderId: args.orderId, typeCode: INVOICE_TYPE, format: "pdf" },
        { anyStatus: true },
      );
    },
  },
  Mutation: {
    reviseOrderInvoice: async (_: unknown, { input }: { input: Input }, ctx: FinanceContext) => {
      const tenantId = requireService(ctx);
      const at = new Date(input.at);
      if (Number.isNaN(at.getTime()) || input.amount < 0 || input.vat < 0)
        throw new GraphQLError("reviseOrderInvoice: at must be ISO 8601, amounts not negative", {
          extensions: { code: "BAD_USER_INPUT" },
        });
      const r = await reviseOrderInvoice(ctx.db, tenantId, { ...input, at });
      if (!r)
        throw new GraphQLError(`reviseOrderInvoice: order ${input.orderId} has no invoice yet`, {
          extensions: { code: "NO_INVOICE" },
        });
      return { invoice: invoiceOut(r.invoice), applied: r.applied };
    },
  },
};
