import { GraphQLError } from "graphql";
import { type FinanceContext, requireStaffOrService } from "../context.ts";
import { postInvoice, postShipment, recordPayment, setDocumentNumber } from "../services/erp.ts";
import { creditOrderBonus, issueOrderInvoice } from "../services/ledger.ts";
import { invoiceOut, rub } from "./shape.ts";

type Input<T> = { input: T };
const isFailure = (r: object): r is { __typename: "FinanceError" } => "__typename" in r;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const badDate = { __typename: "FinanceError", code: "INVALID_DATE", message: "Даты — в формате ГГГГ-ММ-ДД." };

/** ERP, staff and worker mutations: idempotent by external id (or order id). */
export const operationResolvers = {
  recordPayment: async (_: unknown, { input }: Input<Parameters<typeof recordPayment>[2]>, ctx: FinanceContext) => {
    const tenantId = requireStaffOrService(ctx.actor);
    if (!ISO.test(input.paidOn)) return badDate;
    const r = await recordPayment(ctx.db, tenantId, input);
    if (isFailure(r)) return r;
    return { ...r, __typename: "Payment", amount: rub(r.amount), invoiceNumber: input.invoiceNumber ?? null };
  },
  postShipment: async (_: unknown, { input }: Input<Parameters<typeof postShipment>[2]>, ctx: FinanceContext) => {
    const tenantId = requireStaffOrService(ctx.actor);
    if (!ISO.test(input.shippedOn)) return badDate;
    const r = await postShipment(ctx.db, tenantId, input);
    return isFailure(r) ? r : { ...r, __typename: "Shipment", amount: rub(r.amount) };
  },
  postInvoice: async (_: unknown, { input }: Input<Parameters<typeof postInvoice>[2]>, ctx: FinanceContext) => {
    const tenantId = requireStaffOrService(ctx.actor);
    if (!ISO.test(input.issuedOn) || !ISO.test(input.dueOn)) return badDate;
    const r = await postInvoice(ctx.db, tenantId, input);
    return isFailure(r) ? r : { ...invoiceOut(r), __typename: "Invoice" };
  },
  setDocumentNumber: async (
    _: unknown,
    { input }: Input<Parameters<typeof setDocumentNumber>[2]>,
    ctx: FinanceContext,
  ) => {
    const tenantId = requireStaffOrService(ctx.actor);
    if (!ISO.test(input.issuedOn)) return badDate;
    const r = await setDocumentNumber(ctx.db, tenantId, input);
    return isFailure(r) ? r : { ...r, __typename: "DocumentNumber" };
  },
  recordOrderEvent: async (
    _: unknown,
    args: {
      input: {
        orderId: string;
        number: string;
        companyId: string;
        statusCode: string;
        amount?: number | null;
        date: string;
        counterpartyId?: string | null;
        contractId?: string | null;
      };
      submitted: boolean;
    },
    ctx: FinanceContext,
  ) => {
    const tenantId = requireStaffOrService(ctx.actor);
    const e = args.input;
    if (args.submitted && e.amount == null)
      throw new GraphQLError("recordOrderEvent: a submission carries the order's amount", {
        extensions: { code: "BAD_USER_INPUT" },
      });
    const invoice =
      args.submitted && e.amount != null
        ? await issueOrderInvoice(ctx.db, tenantId, {
            orderId: e.orderId,
            number: e.number,
            companyId: e.companyId,
            amount: e.amount,
            issuedOn: e.date,
            counterpartyId: e.counterpartyId ?? null,
            contractId: e.contractId ?? null,
          })
        : null;
    const bonusPoints = await creditOrderBonus(ctx.db, tenantId, { ...e, amount: e.amount ?? null });
    return { invoice: invoice ? invoiceOut(invoice) : null, bonusPoints };
  },
};
