import { gql } from "@urql/core";

export interface StaffPromotion {
  id: string;
  title: string;
  text: string;
  imageUrl: string | null;
  audience: "ALL" | "INDIVIDUAL";
  companyIds: string[];
  validFrom: string;
  validUntil: string | null;
}

const FIELDS = "id title text imageUrl audience companyIds validFrom validUntil";

/** Staff: every promotion and the dealer companies to name as partners. */
export const StaffPromotionsQuery = gql<
  { allPromotions: StaffPromotion[]; dealerCompanies: { id: string; name: string }[] },
  Record<string, never>
>(`
  query PortalStaffPromotions {
    allPromotions { ${FIELDS} }
    dealerCompanies { id name }
  }
`);

export interface PromotionInput {
  title: string;
  text: string;
  imageUrl: string | null;
  audience: "ALL" | "INDIVIDUAL";
  companyIds: string[];
  validFrom: string;
  validUntil: string | null;
}

type SaveResult =
  | ({ __typename: "Promotion" } & StaffPromotion)
  | { __typename: "PromotionInvalidError"; code: string; message: string; fields: { field: string; message: string }[] }
  | { __typename: "PromotionNotFoundError" | "PromotionImageError"; code: string; message: string };

const RESULT = `
  __typename
  ... on Promotion { ${FIELDS} }
  ... on PromotionInvalidError { fields { field message } }
  ... on UserError { code message }
`;

export const SavePromotionMutation = gql<{ savePromotion: SaveResult }, { id: string | null; input: PromotionInput }>(`
  mutation PortalSavePromotion($id: ID, $input: PromotionInput!) {
    savePromotion(id: $id, input: $input) {${RESULT}}
  }
`);

export const SavePromotionWithImageMutation = gql<
  { savePromotionWithImage: SaveResult },
  { id: string | null; input: PromotionInput; imageBase64: string }
>(`
  mutation PortalSavePromotionWithImage($id: ID, $input: PromotionInput!, $imageBase64: String!) {
    savePromotionWithImage(id: $id, input: $input, imageBase64: $imageBase64) {${RESULT}}
  }
`);

export const DeletePromotionMutation = gql<{ deletePromotion: boolean }, { id: string }>`
  mutation PortalDeletePromotion($id: ID!) {
    deletePromotion(id: $id)
  }
`;

export const PromotionImageQuery = gql<
  { promotionImage: { contentType: string; contentBase64: string } | null },
  { id: string }
>`
  query PortalPromotionImage($id: ID!) {
    promotionImage(id: $id) {
      contentType
      contentBase64
    }
  }
`;
