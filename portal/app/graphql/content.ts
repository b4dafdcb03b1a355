import { gql } from "@urql/core";

export interface InfoPage {
  id: string;
  slug: string;
  title: string;
  markdown: string;
  html: string;
  position: number;
  published: boolean;
  updatedAt: string;
}

export interface InfoPageInput {
  slug: string;
  title: string;
  markdown: string;
  position: number;
  published: boolean;
}

export type BannerLevel = "INFO" | "WARNING" | "CRITICAL";

export interface MaintenanceBanner {
  text: string;
  level: BannerLevel;
  activeFrom: string | null;
  activeUntil: string | null;
  active: boolean;
}

const PAGE = "id slug title markdown html position published updatedAt";
const BANNER = "text level activeFrom activeUntil active";

/** Dealers: published pages; staff: every page (the list shows no body, so no html is asked for). */
export const InfoPagesQuery = gql<
  { infoPages: Pick<InfoPage, "id" | "slug" | "title" | "position" | "published" | "updatedAt">[] },
  Record<string, never>
>`
  query PortalInfoPages {
    infoPages { id slug title position published updatedAt }
  }
`;

export const InfoPageQuery = gql<{ infoPage: InfoPage | null }, { slug: string }>(`
  query PortalInfoPage($slug: String!) {
    infoPage(slug: $slug) { ${PAGE} }
  }
`);

export const PreviewMarkdownQuery = gql<{ previewMarkdown: string }, { markdown: string }>`
  query PortalPreviewMarkdown($markdown: String!) {
    previewMarkdown(markdown: $markdown)
  }
`;

type SavePageResult =
  | ({ __typename: "InfoPage" } & InfoPage)
  | { __typename: "InfoPageInvalidError"; code: string; message: string; fields: { field: string; message: string }[] }
  | { __typename: "InfoPageNotFoundError"; code: string; message: string };

export const SaveInfoPageMutation = gql<{ saveInfoPage: SavePageResult }, { id: string | null; input: InfoPageInput }>(`
  mutation PortalSaveInfoPage($id: ID, $input: InfoPageInput!) {
    saveInfoPage(id: $id, input: $input) {
      __typename
      ... on InfoPage { ${PAGE} }
      ... on InfoPageInvalidError { fields { field message } }
      ... on UserError { code message }
    }
  }
`);

export const DeleteInfoPageMutation = gql<{ deleteInfoPage: boolean }, { id: string }>`
  mutation PortalDeleteInfoPage($id: ID!) {
    deleteInfoPage(id: $id)
  }
`;

/** The layout's one extra read: the banner to show now, if any. */
export const ActiveBannerQuery = gql<
  { activeMaintenanceBanner: Pick<MaintenanceBanner, "text" | "level"> | null },
  Record<string, never>
>`
  query PortalActiveBanner {
    activeMaintenanceBanner { text level }
  }
`;

export const MaintenanceBannerQuery = gql<{ maintenanceBanner: MaintenanceBanner | null }, Record<string, never>>(`
  query PortalMaintenanceBanner {
    maintenanceBanner { ${BANNER} }
  }
`);

type SaveBannerResult =
  | ({ __typename: "MaintenanceBanner" } & MaintenanceBanner)
  | {
      __typename: "MaintenanceBannerInvalidError";
      code: string;
      message: string;
      fields: { field: string; message: string }[];
    };

export const SaveBannerMutation = gql<
  { saveMaintenanceBanner: SaveBannerResult },
  { input: { text: string; level: BannerLevel; activeFrom: string | null; activeUntil: string | null } }
>(`
  mutation PortalSaveBanner($input: MaintenanceBannerInput!) {
    saveMaintenanceBanner(input: $input) {
      __typename
      ... on MaintenanceBanner { ${BANNER} }
      ... on MaintenanceBannerInvalidError { code message fields { field message } }
    }
  }
`);

export const ClearBannerMutation = gql<{ clearMaintenanceBanner: boolean }, Record<string, never>>`
  mutation PortalClearBanner {
    clearMaintenanceBanner
  }
`;
