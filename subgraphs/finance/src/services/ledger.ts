import { newId, withTenant } from "@dpp/db";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  actRequests,
  bonusEntries,
  contracts,
  documentNumbers,
  invoices,
  payments,
  shipments,
  tenantSettings,
} from "../db/schema.ts";
import { documentContract } from "../domain/counterparty.ts";
import { balanceHistory, balanceOf, creditDecision, invoiceDueOn, overdueDebt } from "../domain/ledger.ts";
import { vatOf } from "../domain/order-lines.ts";
import { bonusPoints } from "../domain/rules.ts";
import type { FinanceDb } from "../server.ts";
import { emitInvoiceIssued } from "./outbox.ts";

export type ContractRow = typeof contracts.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type SettingsRow = typeof tenantSettings.$inferSelect;
export type ActRow = typeof actRequests.$inferSelect;

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

export function settingsOf(db: FinanceDb, tenantId: string): Promise<SettingsRow | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    return row ?? null;
  });
}

export interface ContractView {
  contract: ContractRow;
  shipments: ShipmentRow[];
  payments: PaymentRow[];
  balance: number;
  overdue: number;
  history: { date: string; balance: number }[];
}

const ops = (c: { shipments: ShipmentRow[]; payments: PaymentRow[] }) => ({
  s: c.shipments.map((x) => ({ date: x.shippedOn, amount: x.amount })),
  p: c.payments.map((x) => ({ date: x.paidOn, amount: x.amount })),
});

/** Every contract of a company with its operations, balance and overdue debt on `day`. */
export async function companyContracts(
  db: FinanceDb,
  tenantId: string,
  companyId: string,
  day: string,
): Promise<ContractView[]> {
  const [cs, ss, ps] = await withTenant(db, tenantId, (tx) =>
    Promise.all([
      tx
        .select()
        .from(contracts)
        .where(and(eq(contracts.tenantId, tenantId), eq(contracts.companyId, companyId)))
        .orderBy(asc(contracts.signedOn), asc(contracts.number)),
      tx
        .select()
        .from(shipments)
        .where(and(eq(shipments.tenantId, tenantId), eq(shipments.companyId, companyId)))
        .orderBy(asc(shipments.shippedOn), asc(shipments.number)),
      tx
        .select()
        .from(payments)
        .where(and(eq(payments.tenantId, tenantId), eq(payments.companyId, companyId)))
        .orderBy(asc(payments.paidOn), asc(payments.documentNumber)),
    ]),
  );
  return cs.map((contract) => {
    const view = {
      shipments: ss.filter((s) => s.contractId === contract.id),
      payments: ps.filter((p) => p.contractId === contract.id),
    };
    const { s, p } = ops(view);
    return {
      contract,
      ...view,
      balance: balanceOf(s, p, day),
      overdue: overdueDebt(contract, s, p, day),
      history: balanceHistory(s, p),
    };
  });
}

/** The credit guard's facts and decision for a company (the latest contract decides). */
export async function creditStatus(db: FinanceDb, tenantId: string, companyId: string, amount: number, day: string) {
  const views = await companyContracts(db, tenantId, companyId, day);
  const main = views.at(-1) ?? null;
  const balance = views.reduce((n, v) => n + v.balance, 0);
  const overdue = views.reduce((n, v) => n + v.overdue, 0);
  return {
    companyId,
    contract: main?.contract ?? null,
    balance,
    overdue,
    ...creditDecision({ terms: main?.contract ?? null, balance, overdue, amount }),
  };
}

export async function invoicesOf(db: FinanceDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.companyId, companyId)))
      .orderBy(desc(invoices.issuedOn), desc(invoices.number))
      .limit(200);
    return withPaid(tx as unknown as FinanceDb, tenantId, rows);
  });
}

async function withPaid(tx: FinanceDb, tenantId: string, rows: InvoiceRow[]) {
  if (rows.length === 0) return [];
  const paid = await tx
    .select({ invoiceId: payments.invoiceId, amount: sql<number>`sum(${payments.amount})::bigint`.mapWith(Number) })
    .from(payments)
    .where(
      and(
        eq(payments.tenantId, tenantId),
        inArray(
          payments.invoiceId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(payments.invoiceId);
  return rows.map((r) => ({ ...r, paid: paid.find((p) => p.invoiceId === r.id)?.amount ?? 0 }));
}

/** Whether the invoice issued for an order is paid in full (false without an invoice). */
export async function orderPaid(db: FinanceDb, tenantId: string, orderId: string): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    const rows = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.orderId, orderId)));
    const [invoice] = await withPaid(tx as unknown as FinanceDb, tenantId, rows);
    return invoice !== undefined && invoice.paid >= invoice.amount;
  });
}

/** The invoice for a submitted order, issued once (idempotent by order id) under the company's latest contract. */
export async function issueOrderInvoice(
  db: FinanceDb,
  tenantId: string,
  input: {
    orderId: string;
    number: string;
    companyId: string;
    amount: number;
    issuedOn: string;
    counterpartyId?: string | null;
    contractId?: string | null;
  },
): Promise<InvoiceRow> {
  return withTenant(db, tenantId, async (tx) => {
    const [existing] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.orderId, input.orderId)));
    if (existing) return existing;
    const [settings] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    if (!settings) throw new Error(`finance: tenant ${tenantId} has no finance settings`);
    const companyContracts = await tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.companyId, input.companyId)))
      .orderBy(asc(contracts.signedOn));
    // The checkout's contract, or the buyer counterparty's (decision 0009); an order placed for no
    // counterparty goes under the company's latest contract, as before counterparties.
    const contract =
      input.contractId || input.counterpartyId
        ? documentContract(companyContracts, {
            contractId: input.contractId ?? null,
            counterpartyId: input.counterpartyId ?? null,
          })
        : companyContracts.at(-1);
    const terms = contract ?? { paymentTerms: "prepayment" as const, deferralDays: 0 };
    const [row] = await tx
      .insert(invoices)
      .values({
        tenantId,
        id: newId("inv"),
        contractId: contract?.id ?? null,
        companyId: input.companyId,
        number: input.number,
        orderId: input.orderId,
        issuedOn: input.issuedOn,
        dueOn: invoiceDueOn(terms, input.issuedOn, settings.invoiceValidityDays),
        amount: input.amount,
        vat: vatOf(input.amount, settings.vatRateBp, true),
      })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await emitInvoiceIssued(tx, row);
      return row;
    }
    const [again] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.orderId, input.orderId)));
    if (!again) throw new Error(`finance: invoice number ${input.number} is taken by another order`);
    return again;
  });
}

/**
 * Credits an order's bonus points when it reaches the tenant's configured status; once per order.
 * Without an amount (a status change) the order's total is its invoice's, issued on submission;
 * an order without an invoice earns nothing.
 */
export async function creditOrderBonus(
  db: FinanceDb,
  tenantId: string,
  input: { orderId: string; number: string; companyId: string; amount: number | null; statusCode: string },
): Promise<number> {
  return withTenant(db, tenantId, async (tx) => {
    const [settings] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    const rule = settings?.bonusRule ?? null;
    if (!rule || input.statusCode !== rule.creditAt) return 0;
    let amount = input.amount;
    if (amount === null) {
      const [invoice] = await tx
        .select({ amount: invoices.amount })
        .from(invoices)
        .where(and(eq(invoices.tenantId, tenantId), eq(invoices.orderId, input.orderId)));
      amount = invoice?.amount ?? 0;
    }
    const points = bonusPoints(rule, { amount, statusCode: input.statusCode });
    if (points === 0) return 0;
    const inserted = await tx
      .insert(bonusEntries)
      .values({
        tenantId,
        id: newId("bon"),
        companyId: input.companyId,
        orderId: input.orderId,
        orderNumber: input.number,
        points,
        reason: "order",
      })
      .onConflictDoNothing()
      .returning();
    return inserted.length > 0 ? points : 0;
  });
}

export async function bonusAccount(db: FinanceDb, tenantId: string, companyId: string) {
  return withTenant(db, tenantId, async (tx) => {
    const entries = await tx
      .select()
      .from(bonusEntries)
      .where(and(eq(bonusEntries.tenantId, tenantId), eq(bonusEntries.companyId, companyId)))
      .orderBy(desc(bonusEntries.createdAt))
      .limit(100);
    const [total] = await tx
      .select({ n: sql<number>`coalesce(sum(${bonusEntries.points}), 0)::int` })
      .from(bonusEntries)
      .where(and(eq(bonusEntries.tenantId, tenantId), eq(bonusEntries.companyId, companyId)));
    return { balance: total?.n ?? 0, entries };
  });
}

/** The company's latest act request; with `contractIds`, the latest under one of those contracts. */
export async function lastActRequest(
  db: FinanceDb,
  tenantId: string,
  companyId: string,
  contractIds?: readonly string[],
): Promise<ActRow | null> {
  if (contractIds?.length === 0) return null;
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(actRequests)
      .where(
        and(
          eq(actRequests.tenantId, tenantId),
          eq(actRequests.companyId, companyId),
          ...(contractIds ? [inArray(actRequests.contractId, [...contractIds])] : []),
        ),
      )
      .orderBy(desc(actRequests.requestedAt))
      .limit(1);
    return row ?? null;
  });
}

export async function actById(db: FinanceDb, tenantId: string, companyId: string, id: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(actRequests)
      .where(and(eq(actRequests.tenantId, tenantId), eq(actRequests.companyId, companyId), eq(actRequests.id, id)));
    return row ?? null;
  });
}

export async function documentNumberOf(db: FinanceDb, tenantId: string, orderId: string, typeCode: string) {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(documentNumbers)
      .where(
        and(
          eq(documentNumbers.tenantId, tenantId),
          eq(documentNumbers.orderId, orderId),
          eq(documentNumbers.typeCode, typeCode),
        ),
      );
    return row ?? null;
  });
}
