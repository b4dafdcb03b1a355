import { gql } from "@urql/core";
import type { Money } from "./types.ts";

/** The dealer card (/staff/dealers/:companyId): identity's card first, then finance, catalog and orders. */
export interface DealerCardView {
  __typename: "DealerCard";
  company: {
    id: string;
    name: string;
    counterparties: { id: string; name: string; inn: string; kpp: string | null; address: string | null }[];
  };
  users: {
    id: string;
    email: string;
    fullName: string;
    role: string;
    permissions: string[];
    status: string;
    manager: { fullName: string } | null;
  }[];
  personalManager: { fullName: string; email: string } | null;
  history: { id: string; occurredAt: string; actor: string; action: string; objects: { label: string | null }[] }[];
}

export const DealerCardQuery = gql<
  {
    dealerCard: DealerCardView | { __typename: "AccountError"; code: string; message: string };
    rights: { code: string; label: string }[];
  },
  { id: string }
>(`
  query PortalDealerCard($id: ID!) {
    dealerCard(companyId: $id) {
      __typename
      ... on DealerCard {
        company { id name counterparties { id name inn kpp address } }
        users { id email fullName role permissions status manager { fullName } }
        personalManager { fullName email }
        history(first: 20) { id occurredAt actor action objects { label } }
      }
      ... on AccountError { code message }
    }
    rights { code label }
  }
`);

export interface DealerMoney {
  companyContracts: {
    id: string;
    number: string;
    signedOn: string;
    paymentTerms: string;
    deferralDays: number;
    creditLimit: Money | null;
    balance: Money;
    overdueDebt: Money;
  }[];
  creditStatus: { balance: Money; overdueDebt: Money; available: Money | null };
  companyDiscounts: {
    priceGroup: string;
    discountPercent: number;
    validFrom: string;
    validUntil: string | null;
    active: boolean;
  }[];
  companyOrders: {
    id: string;
    number: string;
    submittedAt: string | null;
    status: { code: string; label: string; category: string; color: string; editableBy: string[] };
    totals: { amount: Money };
  }[];
}

export const DealerActivityQuery = gql<DealerMoney, { id: string }>(`
  query PortalDealerActivity($id: ID!) {
    companyContracts(companyId: $id) {
      id number signedOn paymentTerms deferralDays
      creditLimit { amount currency } balance { amount currency } overdueDebt { amount currency }
    }
    creditStatus(companyId: $id) { balance { amount currency } overdueDebt { amount currency } available { amount currency } }
    companyDiscounts(companyId: $id) { priceGroup discountPercent validFrom validUntil active }
    companyOrders(companyId: $id, first: 10) {
      id number submittedAt status { code label category color editableBy } totals { amount { amount currency } }
    }
  }
`);
