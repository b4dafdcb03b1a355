import { withTenant } from "@dpp/db";
import {
  actLayout,
  type DocumentFormat,
  formatDate,
  type Layout,
  layoutOf,
  okeiCode,
  type Party,
  renderFile,
  type TradeDocumentKind,
} from "@dpp/documents";
import { and, asc, eq, gte, lt, lte } from "drizzle-orm";
import { fetchCompany } from "../clients/identity.ts";
import { fetchLeadTimes } from "../clients/inventory.ts";
import { fetchOrder } from "../clients/orders.ts";
import type { FinanceContext } from "../context.ts";
import type { SellerSettings } from "../db/schema.ts";
import { contracts, payments, shipments } from "../db/schema.ts";
import { buyerCounterpartyId, contractInScope, documentContract } from "../domain/counterparty.ts";
import { leadTimeTexts } from "../domain/lead-times.ts";
import { addDays } from "../domain/ledger.ts";
import { vatLines } from "../domain/order-lines.ts";
import { orderInvoice, revisedOn } from "../revisions/revise.ts";
import { type FinanceFailure, fail } from "./erp.ts";
import { actById, documentNumberOf, type SettingsRow, settingsOf, today } from "./ledger.ts";

/** Which renderer a document type code uses (ТОРГ-12 is also called "товарная накладная", waybill). */
const TEMPLATES: Record<string, TradeDocumentKind> = {
  invoice: "invoice",
  torg12: "torg12",
  waybill: "torg12",
  upd: "upd",
  invoice_facture: "invoice_facture",
  commercial_proposal: "commercial_proposal",
};
export const templateOf = (code: string): TradeDocumentKind | null => TEMPLATES[code] ?? null;

export interface RenderedFile {
  __typename: "DocumentFile";
  fileName: string;
  contentType: string;
  contentBase64: string;
  size: number;
}

const sellerParty = (s: SellerSettings): Party => ({
  name: s.name,
  inn: s.inn,
  kpp: s.kpp,
  address: s.address,
  phone: s.phone,
  bank: s.bank,
});
const brandingOf = (s: SellerSettings) => ({ name: s.brandName, ...s.branding });

async function file(layout: Layout, format: DocumentFormat): Promise<RenderedFile> {
  const f = await renderFile(layout, format);
  return {
    __typename: "DocumentFile",
    fileName: f.fileName,
    contentType: f.contentType,
    contentBase64: f.body.toString("base64"),
    size: f.body.length,
  };
}

async function buyerOf(ctx: FinanceContext, companyId: string, counterpartyId: string | null): Promise<Party> {
  const company = await fetchCompany(ctx.identity(), companyId);
  const cp = company?.counterparties.find((c) => c.id === counterpartyId) ?? company?.counterparties[0];
  if (!cp) return { name: company?.name ?? companyId, inn: "—" };
  return { name: cp.name, inn: cp.inn, kpp: cp.kpp, address: cp.address };
}

const contractLabel = (c: { number: string; signedOn: string }) => `Договор № ${c.number} от ${formatDate(c.signedOn)}`;

/**
 * Renders one of an order's documents for the dealer: the order and its lines come from orders,
 * the buyer from identity and a commercial proposal's lead times from inventory (all with the
 * caller forwarded), the seller from the tenant's settings.
 * Refused when the tenant does not issue the type in that format or not at the order's status.
 */
export async function renderOrderDocument(
  ctx: FinanceContext,
  companyId: string,
  target: { orderId: string; typeCode: string; format: DocumentFormat },
  /** anyStatus: the worker mailing the invoice the workflow says to mail, whatever the order's status. */
  opts: { anyStatus?: boolean } = {},
): Promise<RenderedFile | FinanceFailure> {
  const tenantId = ctx.tenantId();
  const [types, settings, order] = await Promise.all([
    ctx.documentTypes(),
    settingsOf(ctx.db, tenantId),
    fetchOrder(ctx.services(), target.orderId),
  ]);
  const type = types.find((t) => t.code === target.typeCode);
  const kind = templateOf(target.typeCode);
  if (!type || !kind || !settings) return fail("UNKNOWN_DOCUMENT_TYPE", `Документ «${target.typeCode}» не выдается.`);
  if (!type.formats.includes(target.format))
    return fail("FORMAT_NOT_AVAILABLE", `${type.label} не выдается в формате ${target.format.toUpperCase()}.`);
  if (!order || order.isDraft) return fail("ORDER_NOT_FOUND", "Заказ не найден.");
  if (!opts.anyStatus && !type.availableAt.includes(order.statusCode))
    return fail("DOCUMENT_NOT_AVAILABLE", `${type.label} по заказу № ${order.number} пока недоступен в его статусе.`);
  const companyContracts = await withTenant(ctx.db, tenantId, (tx) =>
    tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.companyId, companyId)))
      .orderBy(asc(contracts.signedOn)),
  );
  const placed = { contractId: order.checkout?.contract?.id ?? null, counterpartyId: order.counterpartyId };
  const contract = documentContract(companyContracts, placed);
  const wanted = order.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity }));
  const [buyer, number, quotes, invoice] = await Promise.all([
    buyerOf(ctx, companyId, buyerCounterpartyId(placed, contract)),
    documentNumberOf(ctx.db, tenantId, order.id, type.code),
    kind === "commercial_proposal" ? fetchLeadTimes(ctx.inventory(), wanted) : null,
    kind === "invoice" ? orderInvoice(ctx.db, tenantId, order.id) : null,
  ]);
  const leadTimes = quotes ? leadTimeTexts(wanted, quotes) : null;
  // An invoice re-issued after a manager's line edit is dated by the edit.
  const date =
    (invoice && revisedOn(invoice)) ?? number?.issuedOn ?? (order.submittedAt ?? order.createdAt).slice(0, 10);
  const split = vatLines(
    order.lines.map((l) => ({ ...l, unitPrice: l.unitPrice.amount, amount: l.amount.amount })),
    { amount: order.totals.amount.amount, vat: order.totals.vat.amount },
    settings,
  );
  const s = settings.seller;
  const layout = layoutOf({
    kind,
    number: number?.number ?? order.number,
    date,
    seller: sellerParty(s),
    buyer,
    basis: contract ? contractLabel(contract) : `Заказ № ${order.number} от ${formatDate(date)}`,
    vatRateBp: settings.vatRateBp,
    pricesIncludeVat: settings.pricesIncludeVat,
    lines: split.lines.map((l, i) => ({ ...l, okei: okeiCode(l.unit), leadTime: leadTimes?.[i] || undefined })),
    totals: split.totals,
    validUntil:
      kind === "invoice" || kind === "commercial_proposal" ? addDays(date, settings.invoiceValidityDays) : undefined,
    branding: brandingOf(s),
    signatories: { director: s.director, accountant: s.accountant },
  });
  return file(layout, target.format);
}

/** The act of a request: opening balance before the period, each shipment and payment in it. */
export async function renderAct(
  ctx: FinanceContext,
  dealer: { companyId: string; counterpartyId: string | null },
  target: { actId: string; format: DocumentFormat },
): Promise<RenderedFile | FinanceFailure> {
  const tenantId = ctx.tenantId();
  const [act, settings] = await Promise.all([
    actById(ctx.db, tenantId, dealer.companyId, target.actId),
    settingsOf(ctx.db, tenantId),
  ]);
  if (!act || !settings) return fail("ACT_NOT_FOUND", "Акт сверки не найден.");
  const data = await actData(ctx, act, settings);
  // An act under another counterparty's contract is not the active counterparty's to see.
  if (!contractInScope(data, dealer.counterpartyId)) return fail("ACT_NOT_FOUND", "Акт сверки не найден.");
  return file(actLayout(data), target.format);
}

export async function actData(
  ctx: FinanceContext,
  act: { contractId: string; companyId: string; periodFrom: string; periodTo: string; id: string },
  settings: SettingsRow,
) {
  const tenantId = ctx.tenantId();
  const { contract, ss, ps, before } = await withTenant(ctx.db, tenantId, async (tx) => {
    const [contract] = await tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.tenantId, tenantId), eq(contracts.id, act.contractId)));
    const inPeriod = <T extends typeof shipments.shippedOn | typeof payments.paidOn>(col: T) =>
      and(gte(col, act.periodFrom), lte(col, act.periodTo));
    const sWhere = and(eq(shipments.tenantId, tenantId), eq(shipments.contractId, act.contractId));
    const pWhere = and(eq(payments.tenantId, tenantId), eq(payments.contractId, act.contractId));
    const [ss, ps, sb, pb] = await Promise.all([
      tx
        .select()
        .from(shipments)
        .where(and(sWhere, inPeriod(shipments.shippedOn)))
        .orderBy(asc(shipments.shippedOn)),
      tx
        .select()
        .from(payments)
        .where(and(pWhere, inPeriod(payments.paidOn)))
        .orderBy(asc(payments.paidOn)),
      tx
        .select({ amount: shipments.amount })
        .from(shipments)
        .where(and(sWhere, lt(shipments.shippedOn, act.periodFrom))),
      tx
        .select({ amount: payments.amount })
        .from(payments)
        .where(and(pWhere, lt(payments.paidOn, act.periodFrom))),
    ]);
    const sum = (rows: { amount: number }[]) => rows.reduce((n, r) => n + r.amount, 0);
    return { contract, ss, ps, before: sum(sb) - sum(pb) };
  });
  if (!contract) throw new Error(`act ${act.id}: contract ${act.contractId} is gone`);
  const operations = [
    ...ss.map((s) => ({
      date: s.shippedOn,
      document: `Продажа (№ ${s.number} от ${formatDate(s.shippedOn)})`,
      debit: s.amount,
      credit: 0,
    })),
    ...ps.map((p) => ({
      date: p.paidOn,
      document: `Оплата (п/п № ${p.documentNumber} от ${formatDate(p.paidOn)})`,
      debit: 0,
      credit: p.amount,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const s = settings.seller;
  return {
    number: act.id,
    from: act.periodFrom,
    to: act.periodTo,
    seller: sellerParty(s),
    buyer: await buyerOf(ctx, act.companyId, contract.counterpartyId),
    contract: contractLabel(contract),
    /** The contract's counterparty: whose act this is. */
    counterpartyId: contract.counterpartyId,
    opening: before,
    operations,
    branding: brandingOf(s),
    signatories: { director: s.director, accountant: s.accountant },
  };
}

export { today };
