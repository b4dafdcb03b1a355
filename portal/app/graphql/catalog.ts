import { gql } from "@urql/core";
import type { Money } from "./types.ts";

/** What a catalog row shows of a price. */
export interface ListPrice {
  base: Money;
  yours: Money;
  discountPercent: number;
  vatIncluded: boolean;
  retail: Money | null;
  source: "LIST" | "DISCOUNT_GROUP" | "PRICE_TIER" | "TURNOVER" | "PERSONAL";
}

/** The product card's price: also the VAT amount and rate. */
export interface ProductPrice extends ListPrice {
  vatRatePercent: number;
  vat: Money;
}

export interface StockLine {
  warehouse: { code: string; name: string; city: string };
  quantity?: number;
  display: string;
}

export interface CatalogProduct {
  id: string;
  article: string;
  name: string;
  brand: string | null;
  series: string | null;
  groupPath: string[];
  unit: string;
  packMultiple: number;
  discontinued: boolean;
  successors: { id: string; article: string; name: string }[];
  price: ListPrice;
  stock: StockLine[];
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export type CatalogSearchResult =
  | { __typename: "ProductConnection"; nodes: CatalogProduct[]; pageInfo: PageInfo }
  | { __typename: "SearchQueryTooShortError" | "InvalidCursorError"; code: string; message: string };

/** Money in the list carries no currency (one per tenant, in `yours`) to keep the operation cheap. */
const LIST_PRICE = `
  base { amount }
  yours { amount currency }
  discountPercent
  vatIncluded
  retail { amount }
  source
`;

const CARD_PRICE = `
  base { amount currency }
  yours { amount currency }
  discountPercent
  vatIncluded
  vatRatePercent
  vat { amount currency }
  retail { amount currency }
  source
`;

export const CatalogSearchQuery = gql<
  { catalogSearch: CatalogSearchResult },
  { query: string; group?: string | null; after?: string | null }
>(`
  query PortalCatalogSearch($query: String!, $group: String, $after: String) {
    catalogSearch(query: $query, group: $group, first: 50, after: $after) {
      __typename
      ... on ProductConnection {
        nodes {
          id
          article
          name
          brand
          series
          groupPath
          unit
          packMultiple
          discontinued
          successors { id article name }
          price { ${LIST_PRICE} }
          stock { warehouse { code name city } display }
        }
        pageInfo { endCursor hasNextPage }
      }
      ... on UserError { code message }
    }
  }
`);

export interface NavNode {
  key: string;
  label: string;
  productCount: number;
  children?: NavNode[];
}

export interface CatalogNavigation {
  mode: "SERIES" | "BRAND" | "GROUP";
  minSearchChars: number;
  nodes: NavNode[];
}

export const CatalogNavigationQuery = gql<{ catalogNavigation: CatalogNavigation }, Record<string, never>>`
  query PortalCatalogNavigation {
    catalogNavigation {
      mode
      minSearchChars
      nodes {
        key
        label
        productCount
        children {
          key
          label
          productCount
          children { key label productCount }
        }
      }
    }
  }
`;

export interface ProductCard extends Omit<CatalogProduct, "price"> {
  price: ProductPrice;
  description: string | null;
  hsCode: string | null;
  ean13: string | null;
  minQuantity: number;
  weightGrams: number | null;
  volumeCm3: number | null;
  priceGroup: string | null;
  dimensions: { lengthMm: number; widthMm: number; heightMm: number } | null;
  images: string[];
  attributes: { name: string; value: string }[];
}

export const ProductCardQuery = gql<{ product: ProductCard | null }, { id: string }>(`
  query PortalProductCard($id: ID!) {
    product(id: $id) {
      id
      article
      name
      brand
      series
      groupPath
      unit
      packMultiple
      minQuantity
      weightGrams
      volumeCm3
      priceGroup
      description
      hsCode
      ean13
      dimensions { lengthMm widthMm heightMm }
      images
      attributes { name value }
      discontinued
      successors { id article name }
      price { ${CARD_PRICE} }
      stock { warehouse { code name city } quantity display }
    }
  }
`);

export interface DiscountGroup {
  priceGroup: string;
  discountPercent: number;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
  forCounterparty: boolean;
}

export const MyDiscountsQuery = gql<{ myDiscounts: DiscountGroup[] }, Record<string, never>>`
  query PortalMyDiscounts {
    myDiscounts {
      priceGroup
      discountPercent
      validFrom
      validUntil
      active
      forCounterparty
    }
  }
`;

export interface Promotion {
  id: string;
  title: string;
  text: string;
  imageUrl: string | null;
  audience: "ALL" | "INDIVIDUAL";
  validFrom: string;
  validUntil: string | null;
}

export const PromotionsQuery = gql<{ promotions: Promotion[] }, { audience: "ALL" | "INDIVIDUAL" | null }>`
  query PortalPromotions($audience: PromotionAudience) {
    promotions(audience: $audience) {
      id
      title
      text
      imageUrl
      audience
      validFrom
      validUntil
    }
  }
`;

export const NomenclatureFileQuery = gql<
  { nomenclatureFile: { fileName: string; contentType: string; contentBase64: string } },
  Record<string, never>
>`
  query PortalNomenclatureFile {
    nomenclatureFile {
      fileName
      contentType
      contentBase64
    }
  }
`;

export interface ProductImportReport {
  saved: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rows: {
    row: number;
    article: string;
    status: "CREATED" | "UPDATED" | "UNCHANGED" | "REJECTED" | "SKIPPED";
    errors: string[];
  }[];
}

export const ImportProductsMutation = gql<
  { importProducts: ProductImportReport },
  { input: { rows: unknown[]; partial: boolean } }
>`
  mutation PortalImportProducts($input: ImportProductsInput!) {
    importProducts(input: $input) {
      saved
      created
      updated
      unchanged
      rejected
      rows {
        row
        article
        status
        errors
      }
    }
  }
`;
