import { newId, withTenant } from "@dpp/db";
import { and, desc, eq } from "drizzle-orm";
import {
  actRequests,
  contracts,
  documentNumbers,
  documentTypes,
  invoices,
  payments,
  shipments,
  tenantSettings,
} from "../db/schema.ts";
import { contractsInScope } from "../domain/counterparty.ts";
import { actLimitMessage, nextActAllowedAt } from "../domain/rules.ts";
import type { FinanceDb } from "../server.ts";
import type { ActRow, InvoiceRow, PaymentRow, ShipmentRow } from "./ledger.ts";
import { emitInvoiceIssued, emitPaymentRecorded } from "./outbox.ts";

/** An expected refusal, returned as a union member. */
export interface FinanceFailure {
  __typename: "FinanceError";
  code: string;
  message: string;
}
export const fail = (code: string, message: string): FinanceFailure => ({ __typename: "FinanceError", code, message });

type Tx = Parameters<Parameters<FinanceDb["transaction"]>[0]>[0];

async function contractByNumber(tx: Tx, tenantId: string, number: string) {
  const [c] = await tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), eq(contracts.number, number)));
  return c ?? null;
}

/**
 * A payment from the ERP or staff, idempotent by external id (a repeat returns the first). Against
 * an invoice (by number) or a contract (by number); an unknown one is refused by name.
 */
export async function recordPayment(
  db: FinanceDb,
  tenantId: string,
  input: {
    externalId: string;
    invoiceNumber?: string | null;
    contractNumber?: string | null;
    documentNumber: string;
    paidOn: string;
    amount: number;
  },
): Promise<PaymentRow | FinanceFailure> {
  if (input.amount <= 0) return fail("INVALID_AMOUNT", "Сумма платежа должна быть больше нуля.");
  return withTenant(db, tenantId, async (tx) => {
    const [seen] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.tenantId, tenantId), eq(payments.externalId, input.externalId)));
    if (seen) return seen;
    let invoice: InvoiceRow | undefined;
    if (input.invoiceNumber) {
      [invoice] = await tx
        .select()
        .from(invoices)
        .where(and(eq(invoices.tenantId, tenantId), eq(invoices.number, input.invoiceNumber)));
      if (!invoice) return fail("UNKNOWN_INVOICE", `Счет № ${input.invoiceNumber} не найден: платеж не записан.`);
    }
    const contract = input.contractNumber
      ? await contractByNumber(tx, tenantId, input.contractNumber)
      : invoice?.contractId
        ? (
            await tx
              .select()
              .from(contracts)
              .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, invoice.contractId)))
          )[0]
        : null;
    if (!contract)
      return input.contractNumber
        ? fail("UNKNOWN_CONTRACT", `Договор № ${input.contractNumber} не найден: платеж не записан.`)
        : fail("CONTRACT_REQUIRED", "Укажите договор: счет выставлен без договора.");
    const [row] = await tx
      .insert(payments)
      .values({
        tenantId,
        id: newId("pay"),
        contractId: contract.id,
        companyId: contract.companyId,
        invoiceId: invoice?.id ?? null,
        documentNumber: input.documentNumber,
        paidOn: input.paidOn,
        amount: input.amount,
        externalId: input.externalId,
      })
      .returning();
    if (!row) throw new Error("payment not inserted");
    await emitPaymentRecorded(tx, row);
    return row;
  });
}

/** A shipment (реализация) from the ERP, idempotent by external id. */
export async function postShipment(
  db: FinanceDb,
  tenantId: string,
  input: {
    externalId: string;
    contractNumber: string;
    number: string;
    shippedOn: string;
    amount: number;
    orderId?: string | null;
  },
): Promise<ShipmentRow | FinanceFailure> {
  if (input.amount <= 0) return fail("INVALID_AMOUNT", "Сумма отгрузки должна быть больше нуля.");
  return withTenant(db, tenantId, async (tx) => {
    const [seen] = await tx
      .select()
      .from(shipments)
      .where(and(eq(shipments.tenantId, tenantId), eq(shipments.externalId, input.externalId)));
    if (seen) return seen;
    const contract = await contractByNumber(tx, tenantId, input.contractNumber);
    if (!contract)
      return fail("UNKNOWN_CONTRACT", `Договор № ${input.contractNumber} не найден: отгрузка не записана.`);
    const [row] = await tx
      .insert(shipments)
      .values({
        tenantId,
        id: newId("shp"),
        contractId: contract.id,
        companyId: contract.companyId,
        number: input.number,
        shippedOn: input.shippedOn,
        amount: input.amount,
        orderId: input.orderId ?? null,
        externalId: input.externalId,
      })
      .returning();
    if (!row) throw new Error("shipment not inserted");
    return row;
  });
}

/** An invoice from the ERP, idempotent by external id; its number must be new. */
export async function postInvoice(
  db: FinanceDb,
  tenantId: string,
  input: {
    externalId: string;
    contractNumber: string;
    number: string;
    issuedOn: string;
    dueOn: string;
    amount: number;
    vat: number;
    orderId?: string | null;
  },
): Promise<InvoiceRow | FinanceFailure> {
  if (input.amount <= 0 || input.vat < 0 || input.vat > input.amount)
    return fail("INVALID_AMOUNT", "Сумма счета должна быть больше нуля, НДС — от нуля до суммы счета.");
  if (input.dueOn < input.issuedOn) return fail("INVALID_DATE", "Срок оплаты раньше даты счета.");
  return withTenant(db, tenantId, async (tx) => {
    const [seen] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.externalId, input.externalId)));
    if (seen) return seen;
    const contract = await contractByNumber(tx, tenantId, input.contractNumber);
    if (!contract) return fail("UNKNOWN_CONTRACT", `Договор № ${input.contractNumber} не найден: счет не записан.`);
    const [row] = await tx
      .insert(invoices)
      .values({ tenantId, id: newId("inv"), contractId: contract.id, companyId: contract.companyId, ...input })
      .onConflictDoNothing()
      .returning();
    if (!row) return fail("DUPLICATE_NUMBER", `Счет № ${input.number} уже есть.`);
    await emitInvoiceIssued(tx, row);
    return row;
  });
}

/** The ERP's number and date for an order's document (ТОРГ-12 № …), idempotent by external id. */
export async function setDocumentNumber(
  db: FinanceDb,
  tenantId: string,
  input: { externalId: string; orderId: string; typeCode: string; number: string; issuedOn: string },
): Promise<typeof documentNumbers.$inferSelect | FinanceFailure> {
  return withTenant(db, tenantId, async (tx) => {
    const [type] = await tx
      .select()
      .from(documentTypes)
      .where(and(eq(documentTypes.tenantId, tenantId), eq(documentTypes.code, input.typeCode)));
    if (!type) return fail("UNKNOWN_DOCUMENT_TYPE", `Тип документа «${input.typeCode}» не настроен.`);
    const [row] = await tx
      .insert(documentNumbers)
      .values({ tenantId, ...input })
      .onConflictDoUpdate({
        target: [documentNumbers.tenantId, documentNumbers.orderId, documentNumbers.typeCode],
        set: { number: input.number, issuedOn: input.issuedOn, externalId: input.externalId },
      })
      .returning();
    if (!row) throw new Error("document number not saved");
    return row;
  });
}

export interface ActLimited {
  __typename: "ActRequestLimited";
  code: "ACT_REQUEST_LIMIT";
  message: string;
  nextAllowedAt: string;
}

/**
 * Records a dealer's act request, refusing it while the tenant's interval since the last one has
 * not passed. The contract row is locked so that two requests at once cannot both pass the check.
 */
export async function requestAct(
  db: FinanceDb,
  tenantId: string,
  input: {
    companyId: string;
    /** The session's active counterparty: the act is made under one of its contracts (null: any). */
    counterpartyId: string | null;
    userId: string;
    contractId: string | null;
    from: string;
    to: string;
    now: Date;
  },
): Promise<ActRow | ActLimited | FinanceFailure> {
  if (input.from > input.to) return fail("INVALID_PERIOD", "Начало периода позже его конца.");
  return withTenant(db, tenantId, async (tx) => {
    const candidates = await tx
      .select()
      .from(contracts)
      .where(
        and(
          eq(contracts.tenantId, tenantId),
          eq(contracts.companyId, input.companyId),
          ...(input.contractId ? [eq(contracts.id, input.contractId)] : []),
        ),
      )
      .orderBy(desc(contracts.signedOn))
      .for("update");
    const [contract] = contractsInScope(candidates, input.counterpartyId);
    if (!contract) return fail("NO_CONTRACT", "Договор не найден: акт сверки составляется по договору.");
    const [settings] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId));
    const hours = settings?.actRequestIntervalHours ?? null;
    const [last] = await tx
      .select()
      .from(actRequests)
      .where(and(eq(actRequests.tenantId, tenantId), eq(actRequests.companyId, input.companyId)))
      .orderBy(desc(actRequests.requestedAt))
      .limit(1);
    const next = nextActAllowedAt(hours, last?.requestedAt ?? null, input.now);
    if (next && hours)
      return {
        __typename: "ActRequestLimited",
        code: "ACT_REQUEST_LIMIT",
        message: actLimitMessage(next, hours),
        nextAllowedAt: next.toISOString(),
      };
    const [row] = await tx
      .insert(actRequests)
      .values({
        tenantId,
        id: newId("act"),
        companyId: input.companyId,
        contractId: contract.id,
        periodFrom: input.from,
        periodTo: input.to,
        requestedBy: input.userId,
        requestedAt: input.now,
      })
      .returning();
    if (!row) throw new Error("act request not saved");
    return row;
  });
}
