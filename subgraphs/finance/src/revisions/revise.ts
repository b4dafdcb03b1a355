import { withTenant } from "@dpp/db";
import { and, eq, sql } from "drizzle-orm";
import { contracts, invoiceRevisions, invoices, payments, tenantSettings } from "../db/schema.ts";
import { invoiceDueOn } from "../domain/ledger.ts";
import { revisionOf } from "../domain/revisions.ts";
import type { FinanceDb } from "../server.ts";
import type { InvoiceRow } from "../services/ledger.ts";

export interface InvoiceRevisionInput {
  orderId: string;
  /** The orders outbox event of the edit: a repeated delivery of it changes nothing. */
  eventId: string;
  /** The order's new total and its VAT, as orders computed them (kopecks). */
  amount: number;
  vat: number;
  /** When the lines changed (the event's time). */
  at: Date;
}

export const revisedOn = (invoice: { revisedAt: Date | null }) => invoice.revisedAt?.toISOString().slice(0, 10) ?? null;

/**
 * Re-issues an order's invoice after a manager changed its lines: same number, the new amount and
 * VAT, the next revision, dated by the edit (the due date runs again from it, by the contract's
 * terms). Payments against the invoice stay, so its payment state follows the new amount.
 * Idempotent by event id; an edit older than the one applied is recorded but changes nothing.
 * Null when the order has no invoice (yet).
 */
export async function reviseOrderInvoice(
  db: FinanceDb,
  tenantId: string,
  input: InvoiceRevisionInput,
): Promise<{ invoice: InvoiceRow & { paid: number }; applied: boolean } | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [invoice] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.orderId, input.orderId)))
      .for("update");
    if (!invoice) return null;
    const paidOf = async (row: InvoiceRow) => {
      const [sum] = await tx
        .select({ paid: sql<number>`coalesce(sum(${payments.amount}), 0)::bigint`.mapWith(Number) })
        .from(payments)
        .where(and(eq(payments.tenantId, tenantId), eq(payments.invoiceId, row.id)));
      return { ...row, paid: sum?.paid ?? 0 };
    };
    const [seen] = await tx
      .select({ eventId: invoiceRevisions.eventId })
      .from(invoiceRevisions)
      .where(and(eq(invoiceRevisions.tenantId, tenantId), eq(invoiceRevisions.eventId, input.eventId)));
    if (seen) return { invoice: await paidOf(invoice), applied: false };

    const next = revisionOf(invoice, input.at);
    await tx.insert(invoiceRevisions).values({
      tenantId,
      eventId: input.eventId,
      invoiceId: invoice.id,
      revision: next.revision,
      amount: input.amount,
      vat: input.vat,
      eventAt: input.at,
      applied: next.applied,
    });
    if (!next.applied) return { invoice: await paidOf(invoice), applied: false };

    const [settings] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    if (!settings) throw new Error(`finance: tenant ${tenantId} has no finance settings`);
    const [contract] = invoice.contractId
      ? await tx
          .select()
          .from(contracts)
          .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, invoice.contractId)))
      : [];
    const terms = contract ?? { paymentTerms: "prepayment" as const, deferralDays: 0 };
    const day = input.at.toISOString().slice(0, 10);
    const [updated] = await tx
      .update(invoices)
      .set({
        amount: input.amount,
        vat: input.vat,
        revision: next.revision,
        revisedAt: input.at,
        dueOn: invoiceDueOn(terms, day, settings.invoiceValidityDays),
      })
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.id, invoice.id)))
      .returning();
    if (!updated) throw new Error(`finance: invoice ${invoice.id} vanished`);
    return { invoice: await paidOf(updated), applied: true };
  });
}

/** The invoice issued for an order (null without one). */
export async function orderInvoice(db: FinanceDb, tenantId: string, orderId: string): Promise<InvoiceRow | null> {
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.orderId, orderId)));
    return row ?? null;
  });
}
