import { GraphQLScalarType, Kind } from "graphql";
import {
  canViewFinance,
  companyInScope,
  type FinanceContext,
  requireDealer,
  requireFinanceViewer,
  requireStaffOrService,
} from "../context.ts";
import type { DocumentTypeRow } from "../db/queries.ts";
import { contractInScope, rowsInScope } from "../domain/counterparty.ts";
import { documentsAt } from "../domain/documents.ts";
import { CREDIT_MESSAGES } from "../domain/ledger.ts";
import { actLimitMessage, nextActAllowedAt } from "../domain/rules.ts";
import {
  bonusAccount,
  type ContractView,
  companyContracts,
  creditStatus,
  invoicesOf,
  lastActRequest,
  orderPaid,
  settingsOf,
  today,
} from "../services/ledger.ts";
import { linkResolvers } from "./links.ts";
import { operationResolvers } from "./operations.ts";
import { invoiceOut, rub } from "./shape.ts";

const check = (v: unknown) => {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) throw new TypeError("MinorUnits must be a safe integer");
  return v;
};
const MinorUnits = new GraphQLScalarType({
  name: "MinorUnits",
  serialize: check,
  parseValue: check,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new TypeError("MinorUnits must be an integer");
    return check(Number(ast.value));
  },
});

const terms = (t: string) => t.toUpperCase();

/** The representation the gateway sends: the key plus the @requires field from orders. */
interface OrderRef {
  id: string;
  statusCode: string;
}

const contractOut = (v: ContractView) => ({
  id: v.contract.id,
  number: v.contract.number,
  counterpartyId: v.contract.counterpartyId,
  signedOn: v.contract.signedOn,
  paymentTerms: terms(v.contract.paymentTerms),
  deferralDays: v.contract.deferralDays,
  creditLimit: v.contract.creditLimit === null ? null : rub(v.contract.creditLimit),
  balance: rub(v.balance),
  overdueDebt: rub(v.overdue),
  operations: [
    ...v.shipments.map((s) => ({
      date: s.shippedOn,
      kind: "SHIPMENT",
      document: `Продажа № ${s.number}`,
      debit: rub(s.amount),
      credit: rub(0),
    })),
    ...v.payments.map((p) => ({
      date: p.paidOn,
      kind: "PAYMENT",
      document: `Оплата, п/п № ${p.documentNumber}`,
      debit: rub(0),
      credit: rub(p.amount),
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  balanceHistory: v.history.map((h) => ({ date: h.date, balance: rub(h.balance) })),
});

export const resolvers = {
  MinorUnits,
  Query: {
    documentTypes: async (_: unknown, __: unknown, ctx: FinanceContext) => {
      const rows = await ctx.documentTypes();
      return rows.map((r: DocumentTypeRow) => ({ code: r.code, label: r.label, formats: r.formats }));
    },
    finance: async (_: unknown, __: unknown, ctx: FinanceContext) => {
      const d = requireFinanceViewer(ctx.actor);
      const day = today();
      const [all, allInvoices, settings, last] = await Promise.all([
        companyContracts(ctx.db, d.tenantId, d.companyId, day),
        invoicesOf(ctx.db, d.tenantId, d.companyId),
        settingsOf(ctx.db, d.tenantId),
        lastActRequest(ctx.db, d.tenantId, d.companyId),
      ]);
      // The active counterparty sees its contracts' figures only; the request limit stays the company's.
      const active = d.counterpartyId;
      const views = all.filter((v) => contractInScope(v.contract, active));
      const known = all.map((v) => v.contract);
      const invoices = rowsInScope(allInvoices, known, active);
      const shown = views.map((v) => v.contract.id);
      const act =
        !last || rowsInScope([last], known, active).length > 0
          ? last
          : await lastActRequest(ctx.db, d.tenantId, d.companyId, shown);
      const hours = settings?.actRequestIntervalHours ?? null;
      const next = nextActAllowedAt(hours, last?.requestedAt ?? null, new Date());
      return {
        balance: rub(views.reduce((n, v) => n + v.balance, 0)),
        overdueDebt: rub(views.reduce((n, v) => n + v.overdue, 0)),
        contracts: views.map(contractOut),
        invoices: invoices.map(invoiceOut),
        actRequest: {
          allowedNow: next === null,
          nextAllowedAt: next?.toISOString() ?? null,
          intervalHours: hours,
          rule: hours === null ? null : actLimitMessage(next ?? new Date(), hours).split(".")[0],
        },
        acts: act ? [act] : [],
      };
    },
    creditStatus: async (_: unknown, args: { companyId: string; amount?: number }, ctx: FinanceContext) => {
      const tenantId = companyInScope(ctx.actor, args.companyId);
      const s = await creditStatus(ctx.db, tenantId, args.companyId, args.amount ?? 0, today());
      return {
        companyId: s.companyId,
        contractNumber: s.contract?.number ?? null,
        paymentTerms: s.contract ? terms(s.contract.paymentTerms) : null,
        deferralDays: s.contract?.deferralDays ?? null,
        creditLimit: s.contract?.creditLimit == null ? null : rub(s.contract.creditLimit),
        balance: rub(s.balance),
        overdueDebt: rub(s.overdue),
        available: s.available === null ? null : rub(s.available),
        allowed: s.allowed,
        reason: s.reason,
        message: s.reason ? CREDIT_MESSAGES[s.reason] : null,
      };
    },
    companyContracts: async (_: unknown, args: { companyId: string }, ctx: FinanceContext) =>
      (await companyContracts(ctx.db, requireStaffOrService(ctx.actor), args.companyId, today())).map(contractOut),
    orderPaid: (_: unknown, args: { orderId: string }, ctx: FinanceContext) =>
      orderPaid(ctx.db, requireStaffOrService(ctx.actor), args.orderId),
    bonusAccount: async (_: unknown, __: unknown, ctx: FinanceContext) => {
      const d = requireDealer(ctx.actor);
      const settings = await settingsOf(ctx.db, d.tenantId);
      const rule = settings?.bonusRule;
      if (!rule) return null;
      const acc = await bonusAccount(ctx.db, d.tenantId, d.companyId);
      return {
        balance: acc.balance,
        rule: {
          perAmount: rub(rule.kopecksPerPoint),
          minOrder: rub(rule.minOrderKopecks),
          creditAtStatus: rule.creditAt,
        },
        entries: acc.entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
      };
    },
    ...linkResolvers.Query,
  },
  Mutation: { ...operationResolvers, ...linkResolvers.Mutation },
  ReconciliationAct: linkResolvers.ReconciliationAct,
  Order: {
    __resolveReference: (ref: OrderRef, ctx: FinanceContext) => {
      ctx.tenantId();
      return ref;
    },
    // Without the finance right a dealer user sees no documents (and cannot download them).
    documents: async (order: OrderRef, _: unknown, ctx: FinanceContext) =>
      canViewFinance(ctx.actor)
        ? documentsAt(await ctx.documentTypes(), order.statusCode).map((d) => ({ ...d, orderId: order.id }))
        : [],
  },
  Document: linkResolvers.Document,
  ActRequestResult: { __resolveType: (o: { __typename?: string }) => o.__typename ?? "ReconciliationAct" },
  DocumentFileResult: { __resolveType: (o: { __typename: string }) => o.__typename },
  PaymentResult: { __resolveType: (o: { __typename?: string }) => o.__typename ?? "Payment" },
  ShipmentResult: { __resolveType: (o: { __typename?: string }) => o.__typename ?? "Shipment" },
  InvoiceResult: { __resolveType: (o: { __typename?: string }) => o.__typename ?? "Invoice" },
  DocumentNumberResult: { __resolveType: (o: { __typename?: string }) => o.__typename ?? "DocumentNumber" },
};
