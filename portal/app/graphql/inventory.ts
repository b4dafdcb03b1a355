import { gql } from "@urql/core";

/** Stock of one product in one warehouse of the supplier, as the dealer sees it. */
export interface WarehouseStock {
  warehouse: { id: string; code: string; name: string; city: string };
  available: number;
  display: string;
}

/** A distributor's stock of the product (the card's «У дистрибьюторов»). */
export interface DistributorOffer {
  name: string;
  address: string;
  contacts: string;
  quantity: number;
  uploadedAt: string;
  link: string | null;
}

export interface ProductAvailability {
  id: string;
  unit: string;
  packMultiple: number;
  restockSubscribed: boolean;
  stock: WarehouseStock[];
  distributorStock: DistributorOffer[];
}

export const ProductAvailabilityQuery = gql<
  { product: ProductAvailability | null; leadTimesAvailable: boolean },
  { id: string }
>`
  query PortalProductAvailability($id: ID!) {
    leadTimesAvailable
    product(id: $id) {
      id
      unit
      packMultiple
      restockSubscribed
      stock {
        warehouse {
          id
          code
          name
          city
        }
        available
        display
      }
      distributorStock {
        name
        address
        contacts
        quantity
        uploadedAt
        link
      }
    }
  }
`;

export interface LeadTimeRow {
  warehouse: { id: string; name: string };
  quantity: number;
  available: number;
  text: string;
  parts: { quantity: number; businessDays: number; readyDate: string }[];
}

export const LeadTimesQuery = gql<{ leadTimes: LeadTimeRow[] }, { lines: { productId: string; quantity: number }[] }>`
  query PortalLeadTimes($lines: [LeadTimeRequestInput!]!) {
    leadTimes(lines: $lines) {
      warehouse {
        id
        name
      }
      quantity
      available
      text
      parts {
        quantity
        businessDays
        readyDate
      }
    }
  }
`;

export const SubscribeToRestockMutation = gql<{ subscribeToRestock: boolean }, { productId: string }>`
  mutation PortalSubscribeToRestock($productId: ID!) {
    subscribeToRestock(productId: $productId)
  }
`;

export const UnsubscribeFromRestockMutation = gql<{ unsubscribeFromRestock: boolean }, { productId: string }>`
  mutation PortalUnsubscribeFromRestock($productId: ID!) {
    unsubscribeFromRestock(productId: $productId)
  }
`;

export interface DistributorWarehouse {
  id: string;
  code: string;
  name: string;
  address: string;
  contacts: string;
}

/** Whether the supplier keeps a distributor network (the distributor pages exist only then). */
export const DistributorNetworkQuery = gql<
  { viewer: { tenant: { distributorNetwork: boolean } } | null },
  Record<string, never>
>`
  query PortalDistributorNetwork {
    viewer {
      tenant {
        distributorNetwork
      }
    }
  }
`;

export const DistributorWarehousesQuery = gql<{ distributorWarehouses: DistributorWarehouse[] }, Record<string, never>>`
  query PortalDistributorWarehouses {
    distributorWarehouses {
      id
      code
      name
      address
      contacts
    }
  }
`;

export interface RowReport {
  applied: boolean;
  rows: number;
  errors: { row: number; message: string }[];
}

export const SaveDistributorWarehousesMutation = gql<
  { saveDistributorWarehouses: RowReport & { saved: number } },
  { rows: Omit<DistributorWarehouse, "id">[] }
>`
  mutation PortalSaveDistributorWarehouses($rows: [DistributorWarehouseInput!]!) {
    saveDistributorWarehouses(rows: $rows) {
      applied
      rows
      saved
      errors {
        row
        message
      }
    }
  }
`;

export const ImportDistributorWarehousesMutation = gql<
  { importDistributorWarehouses: RowReport & { saved: number } },
  { file: { fileName: string; contentBase64: string } }
>`
  mutation PortalImportDistributorWarehouses($file: UploadedFileInput!) {
    importDistributorWarehouses(file: $file) {
      applied
      rows
      saved
      errors {
        row
        message
      }
    }
  }
`;

export const UploadDistributorStockMutation = gql<
  { uploadDistributorStock: RowReport & { changed: number } },
  { file: { fileName: string; contentBase64: string } }
>`
  mutation PortalUploadDistributorStock($file: UploadedFileInput!) {
    uploadDistributorStock(file: $file) {
      applied
      rows
      changed
      errors {
        row
        message
      }
    }
  }
`;

export const DeleteDistributorStockMutation = gql<{ deleteDistributorStock: number }, Record<string, never>>`
  mutation PortalDeleteDistributorStock {
    deleteDistributorStock
  }
`;

export const DistributorStockExportQuery = gql<
  { distributorStockExport: { fileName: string; contentType: string; contentBase64: string } },
  Record<string, never>
>`
  query PortalDistributorStockExport {
    distributorStockExport {
      fileName
      contentType
      contentBase64
    }
  }
`;
