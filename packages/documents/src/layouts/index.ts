import type { Layout } from "../layout.ts";
import type { TradeDocument, TradeDocumentKind } from "../model.ts";
import { commercialProposalLayout, invoiceLayout } from "./invoice.ts";
import { invoiceFactureLayout, torg12Layout, updLayout } from "./shipping.ts";

export { actLayout, actTotals } from "./act.ts";
export { commercialProposalLayout, invoiceLayout } from "./invoice.ts";
export { invoiceFactureLayout, torg12Layout, updLayout } from "./shipping.ts";

const BY_KIND: Record<TradeDocumentKind, (doc: TradeDocument) => Layout> = {
  invoice: invoiceLayout,
  torg12: torg12Layout,
  upd: updLayout,
  invoice_facture: invoiceFactureLayout,
  commercial_proposal: commercialProposalLayout,
};

export const layoutOf = (doc: TradeDocument): Layout => BY_KIND[doc.kind](doc);
