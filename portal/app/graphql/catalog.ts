import { gql } from "@urql/core";
import type { Money } from "./types.ts";

export interface CatalogProduct {
  id: string;
  article: string;
  name: string;
  brand: string | null;
  series: string | null;
  unit: string;
  packMultiple: number;
  price: { base: Money; yours: Money; discountPercent: number; vatIncluded: boolean };
  stock: { warehouse: { code: string; name: string; city: string }; quantity: number; display: string }[];
  availableQuantity: number;
}

export const ProductsQuery = gql<
  { products: { nodes: CatalogProduct[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } },
  { search?: string | null; after?: string | null }
>`
  query PortalProducts($search: String, $after: String) {
    products(search: $search, first: 50, after: $after) {
      nodes {
        id
        article
        name
        brand
        series
        unit
        packMultiple
        price {
          base {
            amount
            currency
          }
          yours {
            amount
            currency
          }
          discountPercent
          vatIncluded
        }
        stock {
          warehouse {
            code
            name
            city
          }
          quantity
          display
        }
        availableQuantity
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`;
