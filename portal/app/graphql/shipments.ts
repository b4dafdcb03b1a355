import { gql } from "@urql/core";
import type { Money } from "./types";

/** A shipment (waybill) as the list shows it. */
export interface WaybillSummary {
  id: string;
  number: string;
  date: string;
  consignee: string;
  deliveryMethod: string;
  amount: Money | null;
  orderIds: string[];
}

export interface WaybillDetails extends WaybillSummary {
  address: string;
  lines: {
    orderId: string;
    order: { id: string; number: string };
    product: { id: string; article: string; name: string; unit: string };
    quantity: number;
  }[];
}

export const ShipmentsQuery = gql<{ shipments: WaybillSummary[] }, Record<string, never>>`
  query PortalShipments {
    shipments(first: 200) {
      id
      number
      date
      consignee
      deliveryMethod
      amount {
        amount
        currency
      }
      orderIds
    }
  }
`;

export const ShipmentNotificationsQuery = gql<{ shipmentNotifications: boolean }, Record<string, never>>`
  query PortalShipmentNotifications {
    shipmentNotifications
  }
`;

export const ShipmentQuery = gql<{ shipment: WaybillDetails | null }, { id: string }>`
  query PortalShipment($id: ID!) {
    shipment(id: $id) {
      id
      number
      date
      consignee
      deliveryMethod
      amount {
        amount
        currency
      }
      orderIds
      address
      lines {
        orderId
        order {
          id
          number
        }
        product {
          id
          article
          name
          unit
        }
        quantity
      }
    }
  }
`;

export const SetShipmentNotificationsMutation = gql<{ setShipmentNotifications: boolean }, { enabled: boolean }>`
  mutation PortalSetShipmentNotifications($enabled: Boolean!) {
    setShipmentNotifications(enabled: $enabled)
  }
`;

export type LineReadinessStatus = "PROCESSING" | "PRODUCTION" | "IN_TRANSIT" | "IN_STOCK";

export interface ReadinessFilter {
  search?: string | null;
  from?: string | null;
  to?: string | null;
  statuses?: LineReadinessStatus[] | null;
  openOnly?: boolean | null;
}

export interface ReadinessQuantities {
  ordered: number;
  leftToShip: number;
  ready: number;
  inShipment: number;
}

export interface OrderReadinessRow extends ReadinessQuantities {
  order: { id: string };
  number: string;
  submittedAt: string | null;
  lines: (ReadinessQuantities & { product: { id: string; unit: string }; article: string; name: string })[];
}

type FilterError = { __typename: "ReadinessFilterError"; code: string; message: string };

export const OrderReadinessQuery = gql<
  { orderReadiness: { __typename: "OrderReadinessReport"; orders: OrderReadinessRow[] } | FilterError },
  { filter: ReadinessFilter }
>`
  query PortalOrderReadiness($filter: ReadinessFilterInput) {
    orderReadiness(filter: $filter) {
      __typename
      ... on OrderReadinessReport {
        orders {
          order {
            id
          }
          number
          submittedAt
          ordered
          leftToShip
          ready
          inShipment
          lines {
            product {
              id
              unit
            }
            article
            name
            ordered
            leftToShip
            ready
            inShipment
          }
        }
      }
      ... on ReadinessFilterError {
        code
        message
      }
    }
  }
`;

export interface ProductReadinessRow {
  order: { id: string };
  number: string;
  article: string;
  name: string;
  quantity: number;
  amount: Money;
  status: LineReadinessStatus;
  statusLabel: string;
  guaranteedDate: string | null;
  readyDate: string | null;
  warehouse: { id: string; name: string } | null;
  leftToShip: number;
}

export const ProductReadinessQuery = gql<
  { productReadiness: { __typename: "ProductReadinessReport"; lines: ProductReadinessRow[] } | FilterError },
  { filter: ReadinessFilter }
>`
  query PortalProductReadiness($filter: ReadinessFilterInput) {
    productReadiness(filter: $filter) {
      __typename
      ... on ProductReadinessReport {
        lines {
          order {
            id
          }
          number
          article
          name
          quantity
          amount {
            amount
            currency
          }
          status
          statusLabel
          guaranteedDate
          readyDate
          warehouse {
            id
            name
          }
          leftToShip
        }
      }
      ... on ReadinessFilterError {
        code
        message
      }
    }
  }
`;

export const ReadinessExportQuery = gql<
  {
    readinessExport:
      | { __typename: "ExportedFile"; fileName: string; contentType: string; contentBase64: string }
      | FilterError;
  },
  { report: "ORDERS" | "PRODUCTS"; filter: ReadinessFilter }
>`
  query PortalReadinessExport($report: ReadinessReport!, $filter: ReadinessFilterInput) {
    readinessExport(report: $report, filter: $filter) {
      __typename
      ... on ExportedFile {
        fileName
        contentType
        contentBase64
      }
      ... on ReadinessFilterError {
        code
        message
      }
    }
  }
`;
