import { gql } from "@urql/core";
import type { Money } from "./types.ts";

/** A signed, short-lived download link (finance's DocumentLink). */
export interface DocumentLink {
  format: string;
  token: string;
  expiresAt: string;
}

export interface FinanceContract {
  id: string;
  number: string;
  signedOn: string;
  paymentTerms: "PREPAYMENT" | "DEFERRAL";
  deferralDays: number;
  creditLimit: Money | null;
  balance: Money;
  overdueDebt: Money;
  operations: { date: string; kind: string; document: string; debit: Money; credit: Money }[];
  balanceHistory: { date: string; balance: Money }[];
}

export interface FinanceInvoice {
  id: string;
  number: string;
  orderId: string | null;
  issuedOn: string;
  dueOn: string;
  amount: Money;
  paid: Money;
  paymentStatus: "UNPAID" | "PARTIALLY_PAID" | "PAID";
}

export interface ReconciliationAct {
  id: string;
  from: string;
  to: string;
  requestedAt: string;
  links: DocumentLink[];
}

export interface FinanceSummary {
  balance: Money;
  overdueDebt: Money;
  contracts: FinanceContract[];
  invoices: FinanceInvoice[];
  actRequest: { allowedNow: boolean; nextAllowedAt: string | null; intervalHours: number | null; rule: string | null };
  acts: ReconciliationAct[];
}

const ACT_FIELDS = "id from to requestedAt links { format token expiresAt }";

export const FinanceQuery = gql<{ finance: FinanceSummary }, Record<string, never>>(`
  query PortalFinance {
    finance {
      balance { amount currency }
      overdueDebt { amount currency }
      contracts {
        id number signedOn paymentTerms deferralDays
        creditLimit { amount currency }
        balance { amount currency }
        overdueDebt { amount currency }
        operations { date kind document debit { amount currency } credit { amount currency } }
        balanceHistory { date balance { amount currency } }
      }
      invoices { id number orderId issuedOn dueOn amount { amount currency } paid { amount currency } paymentStatus }
      actRequest { allowedNow nextAllowedAt intervalHours rule }
      acts { ${ACT_FIELDS} }
    }
  }
`);

export type ActRequestResult =
  | ({ __typename: "ReconciliationAct" } & ReconciliationAct)
  | { __typename: "ActRequestLimited"; code: string; message: string; nextAllowedAt: string }
  | { __typename: "FinanceError"; code: string; message: string };

export const RequestActMutation = gql<
  { requestReconciliationAct: ActRequestResult },
  { from: string | null; to: string | null; contractId: string | null }
>(`
  mutation PortalRequestAct($from: String, $to: String, $contractId: ID) {
    requestReconciliationAct(from: $from, to: $to, contractId: $contractId) {
      __typename
      ... on ReconciliationAct { ${ACT_FIELDS} }
      ... on ActRequestLimited { code message nextAllowedAt }
      ... on FinanceError { code message }
    }
  }
`);

export type DocumentFileResult =
  | { __typename: "DocumentFile"; fileName: string; contentType: string; contentBase64: string }
  | { __typename: "FinanceError"; code: string; message: string };

export const DocumentFileQuery = gql<{ documentFile: DocumentFileResult }, { token: string }>(`
  query PortalDocumentFile($token: String!) {
    documentFile(token: $token) {
      __typename
      ... on DocumentFile { fileName contentType contentBase64 }
      ... on FinanceError { code message }
    }
  }
`);

export interface OrderDocument {
  type: { code: string; label: string };
  links: DocumentLink[];
}

export const OrderDocumentsQuery = gql<
  { order: { id: string; number: string; documents: OrderDocument[] } | null },
  { id: string }
>(`
  query PortalOrderDocuments($id: ID!) {
    order(id: $id) { id number documents { type { code label } links { format token expiresAt } } }
  }
`);

export interface BonusAccount {
  balance: number;
  rule: { perAmount: Money; minOrder: Money; creditAtStatus: string };
  entries: { orderId: string; orderNumber: string; points: number; createdAt: string }[];
}

export const BonusAccountQuery = gql<{ bonusAccount: BonusAccount | null }, Record<string, never>>(`
  query PortalBonusAccount {
    bonusAccount {
      balance
      rule { perAmount { amount currency } minOrder { amount currency } creditAtStatus }
      entries { orderId orderNumber points createdAt }
    }
  }
`);
