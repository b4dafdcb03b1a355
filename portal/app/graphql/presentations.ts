import { gql } from "@urql/core";
import type { Money } from "./types.ts";

export type PresentationStatus = "DRAFT" | "SENT" | "EXPIRED";

export interface PresentationLine {
  quantity: number;
  product: { id: string; article: string; name: string; brand: string | null; unit: string };
  base: Money;
  offer: Money;
  retail: Money | null;
}

export interface PresentationView {
  id: string;
  title: string;
  comment: string;
  company: { id: string; name: string };
  discountPercent: number;
  validUntil: string;
  status: PresentationStatus;
  sentAt: string | null;
  createdAt: string;
  lines: PresentationLine[];
}

export type PresentationError = {
  __typename: "PresentationError";
  code: string;
  message: string;
  fields: { field: string; message: string }[];
};
export type PresentationResult = ({ __typename: "Presentation" } & PresentationView) | PresentationError;

const VIEW = `
  id
  title
  comment
  company { id name }
  discountPercent
  validUntil
  status
  sentAt
  createdAt
  lines {
    quantity
    product { id article name brand unit }
    base { amount currency }
    offer { amount currency }
    retail { amount currency }
  }
`;

const RESULT = `
  __typename
  ... on Presentation {${VIEW}}
  ... on PresentationError { code message fields { field message } }
`;

export interface PresentationSummary {
  id: string;
  title: string;
  company: { id: string; name: string };
  discountPercent: number;
  validUntil: string;
  status: PresentationStatus;
  sentAt: string | null;
  createdAt: string;
  lines: { quantity: number }[];
}

export const PresentationsQuery = gql<{ presentations: PresentationSummary[] }, Record<string, never>>`
  query PortalPresentations {
    presentations {
      id
      title
      company { id name }
      discountPercent
      validUntil
      status
      sentAt
      createdAt
      lines { quantity }
    }
  }
`;

/** The staff editor: the presentation (when editing) and the dealer companies to choose from. */
export const PresentationEditorQuery = gql<
  { presentation: PresentationView | null; dealerCompanies: { id: string; name: string }[] },
  { id: string }
>(`
  query PortalPresentationEditor($id: ID!) {
    presentation(id: $id) {${VIEW}}
    dealerCompanies { id name }
  }
`);

export const DealerCompaniesQuery = gql<{ dealerCompanies: { id: string; name: string }[] }, Record<string, never>>`
  query PortalDealerCompanies {
    dealerCompanies { id name }
  }
`;

/** The dealer's view: the offer and the active draft's lines, to show what is already in the cart. */
export const DealerPresentationQuery = gql<
  {
    presentation: PresentationView | null;
    activeDraft: { id: string; lines: { quantity: number; product: { id: string } }[] } | null;
  },
  { id: string }
>(`
  query PortalDealerPresentation($id: ID!) {
    presentation(id: $id) {${VIEW}}
    activeDraft { id lines { quantity product { id } } }
  }
`);

export interface PresentationInput {
  companyId: string;
  title: string;
  comment: string | null;
  discountPercent: number;
  validUntil: string;
  lines: { article: string; quantity: number }[];
}

export const SavePresentationMutation = gql<
  { savePresentation: PresentationResult },
  { id: string | null; input: PresentationInput }
>(`
  mutation PortalSavePresentation($id: ID, $input: PresentationInput!) {
    savePresentation(id: $id, input: $input) {${RESULT}}
  }
`);

export const SendPresentationMutation = gql<{ sendPresentation: PresentationResult }, { id: string }>(`
  mutation PortalSendPresentation($id: ID!) {
    sendPresentation(id: $id) {${RESULT}}
  }
`);

export const DeletePresentationMutation = gql<{ deletePresentation: boolean }, { id: string }>`
  mutation PortalDeletePresentation($id: ID!) {
    deletePresentation(id: $id)
  }
`;

/** The daily nomenclature e-mail (catalog): whether the viewer is subscribed. */
export const NomenclatureSubscriptionQuery = gql<{ nomenclatureSubscription: boolean }, Record<string, never>>`
  query PortalNomenclatureSubscription {
    nomenclatureSubscription
  }
`;

export const SetNomenclatureSubscriptionMutation = gql<
  { setNomenclatureSubscription: boolean },
  { subscribed: boolean }
>`
  mutation PortalSetNomenclatureSubscription($subscribed: Boolean!) {
    setNomenclatureSubscription(subscribed: $subscribed)
  }
`;
