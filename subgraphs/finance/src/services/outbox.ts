import { newId } from "@dpp/db";
import { and, eq, sql } from "drizzle-orm";
import { invoices, outbox, payments } from "../db/schema.ts";
import type { FinanceDb } from "../server.ts";

/** Finance's outbox topics (contracts §4): the worker delivers them to webhooks and to orders. */
export const INVOICE_ISSUED = "invoice.issued";
export const PAYMENT_RECORDED = "payment.recorded";

type Tx = Parameters<Parameters<FinanceDb["transaction"]>[0]>[0];
const money = (amount: number) => ({ amount, currency: "RUB" });

/** `invoice.issued`, in the transaction that wrote the invoice. */
export async function emitInvoiceIssued(
  tx: Tx,
  invoice: {
    tenantId: string;
    id: string;
    number: string;
    orderId: string | null;
    companyId: string;
    amount: number;
    dueOn: string;
  },
): Promise<void> {
  await tx.insert(outbox).values({
    tenantId: invoice.tenantId,
    id: newId("obx"),
    topic: INVOICE_ISSUED,
    payload: {
      invoiceId: invoice.id,
      number: invoice.number,
      orderId: invoice.orderId,
      companyId: invoice.companyId,
      amount: money(invoice.amount),
      dueDate: invoice.dueOn,
    },
  });
}

/**
 * `payment.recorded`, in the transaction that wrote the payment. With an invoice, it says how much
 * of it is paid now and whether that is all of it (`invoiceFullyPaid`): the worker then tells
 * orders `fully_paid` for the invoice's order.
 */
export async function emitPaymentRecorded(
  tx: Tx,
  payment: {
    tenantId: string;
    id: string;
    companyId: string;
    contractId: string;
    documentNumber: string;
    paidOn: string;
    amount: number;
    invoiceId: string | null;
  },
): Promise<void> {
  let invoice: { number: string; orderId: string | null; amount: number; paid: number } | null = null;
  if (payment.invoiceId) {
    const [row] = await tx
      .select({ number: invoices.number, orderId: invoices.orderId, amount: invoices.amount })
      .from(invoices)
      .where(and(eq(invoices.tenantId, payment.tenantId), eq(invoices.id, payment.invoiceId)));
    const [sum] = await tx
      .select({ paid: sql<number>`coalesce(sum(${payments.amount}), 0)::bigint`.mapWith(Number) })
      .from(payments)
      .where(and(eq(payments.tenantId, payment.tenantId), eq(payments.invoiceId, payment.invoiceId)));
    if (row) invoice = { ...row, paid: sum?.paid ?? 0 };
  }
  await tx.insert(outbox).values({
    tenantId: payment.tenantId,
    id: newId("obx"),
    topic: PAYMENT_RECORDED,
    payload: {
      paymentId: payment.id,
      companyId: payment.companyId,
      contractId: payment.contractId,
      documentNumber: payment.documentNumber,
      paidOn: payment.paidOn,
      amount: money(payment.amount),
      invoiceId: payment.invoiceId,
      invoiceNumber: invoice?.number ?? null,
      orderId: invoice?.orderId ?? null,
      invoicePaid: invoice ? money(invoice.paid) : null,
      invoiceFullyPaid: invoice ? invoice.paid >= invoice.amount : false,
    },
  });
}
