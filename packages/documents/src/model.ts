/** What the renderers need to know about a document: plain data, money in integer kopecks. */

export interface BankDetails {
  name: string;
  bik: string;
  correspondentAccount: string;
  account: string;
}

/** An organisation on a document: seller, buyer, consignee … */
export interface Party {
  name: string;
  inn: string;
  kpp?: string | null;
  address?: string | null;
  phone?: string | null;
  bank?: BankDetails | null;
}

export interface Branding {
  /** Brand name in the header band. */
  name: string;
  /** #rrggbb: the header band and table heads. */
  primary: string;
  /** #rrggbb: text on `primary`. */
  onPrimary: string;
}

export interface DocumentLine {
  article: string;
  name: string;
  /** Unit symbol and its ОКЕИ code: шт, 796. */
  unit: string;
  okei: string;
  quantity: number;
  /** Unit price without VAT, and as the tenant's price list shows it (with VAT when prices include it). */
  netPrice: number;
  listPrice: number;
  net: number;
  vat: number;
  gross: number;
  /** Commercial proposal: when the line can ship, as inventory words it ("2 шт. - 1 раб. дн."). */
  leadTime?: string;
}

export interface Signatories {
  director: string;
  accountant: string;
}

export type TradeDocumentKind = "invoice" | "torg12" | "upd" | "invoice_facture" | "commercial_proposal";

/** A document about one order: счёт, ТОРГ-12, УПД, счёт-фактура, коммерческое предложение. */
export interface TradeDocument {
  kind: TradeDocumentKind;
  number: string;
  /** ISO date. */
  date: string;
  seller: Party;
  buyer: Party;
  /** Defaults to the buyer. */
  consignee?: Party;
  /** Основание: contract or order. */
  basis: string;
  vatRateBp: number;
  /** True when the tenant's prices include VAT (the invoice then says "В том числе НДС"). */
  pricesIncludeVat: boolean;
  lines: DocumentLine[];
  totals: { net: number; vat: number; gross: number };
  /** ISO date: "Счёт действителен до", "Предложение действительно до". */
  validUntil?: string;
  branding: Branding;
  signatories: Signatories;
  /** Commercial proposal: the shipping warehouse and the manager's contacts. */
  warehouse?: string;
  manager?: string;
}

export interface ActOperation {
  /** ISO date. */
  date: string;
  /** "Продажа (№ 000042 от 05.03.2026)", "Оплата (п/п № 17 от 07.03.2026)". */
  document: string;
  debit: number;
  credit: number;
}

/** Акт сверки взаимных расчётов. Positive balance: the buyer owes the seller. */
export interface ReconciliationActDocument {
  number: string;
  /** ISO dates of the period. */
  from: string;
  to: string;
  seller: Party;
  buyer: Party;
  contract: string;
  opening: number;
  operations: ActOperation[];
  branding: Branding;
  signatories: Signatories;
}
