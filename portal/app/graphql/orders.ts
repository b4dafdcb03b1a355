import { gql } from "@urql/core";
import type { Money, OrderError } from "./types.ts";

/** The totals every order list shows. */
export interface OrderSummaryTotals {
  positions: number;
  pieces: number;
  amount: Money;
  vat: Money;
}

export interface OrderSummary {
  id: string;
  number: string;
  isDraft: boolean;
  name: string | null;
  statusCode: string;
  status: { code: string; label: string; category: string; color: string };
  totals: OrderSummaryTotals;
  createdAt: string;
  submittedAt: string | null;
}

export interface OrderDocument {
  type: { code: string; label: string };
}

export interface OrderLine {
  id: string;
  article: string;
  name: string;
  quantity: number;
  unit: string;
  unitPrice: Money;
  amount: Money;
}

export interface OrderTransition {
  to: { code: string; label: string };
  label: string;
  guards: string[];
  cancels: boolean;
}

export interface OrderComment {
  id: string;
  authorSide: "dealer" | "manager";
  body: string;
  createdAt: string;
}

export interface OrderDetail extends OrderSummary {
  comment: string | null;
  customerNumber: string | null;
  erpNumber: string | null;
  tracked: boolean;
  cancelReason: string | null;
  stockReservedUntil: string | null;
  status: OrderSummary["status"] & { editableBy: string[] };
  availableTransitions: OrderTransition[];
  comments: OrderComment[];
  lines: OrderLine[];
  totals: OrderTotals;
}

/** An order's totals as the order page shows them. */
export interface OrderTotals extends OrderSummaryTotals {
  packages: number;
  massKg: number;
  positionsWithoutMass: number;
  volumeM3: number;
  positionsWithoutVolume: number;
  baseCost: Money;
  discount: Money;
}

const ORDER_SUMMARY = `
  id
  number
  isDraft
  name
  statusCode
  status {
    code
    label
    category
    color
  }
  totals {
    positions
    pieces
    amount {
      amount
      currency
    }
    vat {
      amount
      currency
    }
  }
  createdAt
  submittedAt
`;

const ORDER_DETAIL = `
  ${ORDER_SUMMARY}
  comment
  customerNumber
  erpNumber
  tracked
  cancelReason
  stockReservedUntil
  status {
    editableBy
  }
  availableTransitions {
    to {
      code
      label
    }
    label
    guards
    cancels
  }
  comments {
    id
    authorSide
    body
    createdAt
  }
  totals {
    packages
    massKg
    positionsWithoutMass
    volumeM3
    positionsWithoutVolume
    baseCost {
      amount
      currency
    }
    discount {
      amount
      currency
    }
  }
  lines {
    id
    article
    name
    quantity
    unit
    unitPrice {
      amount
      currency
    }
    amount {
      amount
      currency
    }
  }
`;

export type OrderResult = ({ __typename: "Order" } & OrderDetail) | OrderError;

const ORDER_RESULT = `
  __typename
  ... on Order {${ORDER_DETAIL}}
  ... on OrderError {
    code
    message
  }
`;

export const OrderQuery = gql<{ order: OrderDetail | null }, { id: string }>(`
  query PortalOrder($id: ID!) {
    order(id: $id) {${ORDER_DETAIL}}
  }
`);

export const CreateDraftMutation = gql<{ createDraft: { id: string } }, { name?: string | null }>`
  mutation PortalCreateDraft($name: String) {
    createDraft(name: $name) {
      id
    }
  }
`;

export const AddOrderLineMutation = gql<
  { addOrderLine: OrderResult },
  { input: { orderId: string; productId: string; quantity: number } }
>(`
  mutation PortalAddOrderLine($input: AddOrderLineInput!) {
    addOrderLine(input: $input) {${ORDER_RESULT}}
  }
`);

export const SetOrderLineQuantityMutation = gql<
  { setOrderLineQuantity: OrderResult },
  { orderId: string; lineId: string; quantity: number }
>(`
  mutation PortalSetOrderLineQuantity($orderId: ID!, $lineId: ID!, $quantity: Int!) {
    setOrderLineQuantity(orderId: $orderId, lineId: $lineId, quantity: $quantity) {${ORDER_RESULT}}
  }
`);

export const RemoveOrderLineMutation = gql<{ removeOrderLine: OrderResult }, { orderId: string; lineId: string }>(`
  mutation PortalRemoveOrderLine($orderId: ID!, $lineId: ID!) {
    removeOrderLine(orderId: $orderId, lineId: $lineId) {${ORDER_RESULT}}
  }
`);

export const SubmitOrderMutation = gql<
  { submitOrder: OrderResult },
  { orderId: string; comment?: string | null; customerNumber?: string | null; idempotencyKey?: string | null }
>(`
  mutation PortalSubmitOrder($orderId: ID!, $comment: String, $customerNumber: String, $idempotencyKey: String) {
    submitOrder(orderId: $orderId, comment: $comment, customerNumber: $customerNumber, idempotencyKey: $idempotencyKey) {${ORDER_RESULT}}
  }
`);

export interface ListedOrder extends OrderSummary {
  documents: OrderDocument[];
  customerNumber: string | null;
  erpNumber: string | null;
  tracked: boolean;
}

export interface TabCount {
  tab: { code: string; label: string; kind: "drafts" | "statuses" | "tracked"; statusCodes: string[] };
  count: number;
}

/** The orders page: the tenant's tabs with counts and the orders of one tab, searched and filtered by period. */
export const OrderListQuery = gql<
  {
    orderTabCounts: TabCount[];
    orderList: { __typename: "OrderList"; orders: ListedOrder[] } | OrderError;
    activeDraft: { id: string } | null;
  },
  { filter: { tab?: string | null; search?: string | null; from?: string | null; to?: string | null } }
>(`
  query PortalOrderList($filter: OrderListFilter) {
    orderTabCounts {
      tab {
        code
        label
        kind
        statusCodes
      }
      count
    }
    orderList(filter: $filter) {
      __typename
      ... on OrderList {
        orders {
          ${ORDER_SUMMARY}
          customerNumber
          erpNumber
          tracked
          documents {
            type {
              code
              label
            }
          }
        }
      }
      ... on OrderError {
        code
        message
      }
    }
    activeDraft {
      id
    }
  }
`);

export const ActiveDraftQuery = gql<{ activeDraft: { id: string; name: string | null } | null }>(`
  query PortalActiveDraft {
    activeDraft {
      id
      name
    }
  }
`);

export const SetActiveDraftMutation = gql<{ setActiveDraft: OrderResult }, { orderId: string }>(`
  mutation PortalSetActiveDraft($orderId: ID!) {
    setActiveDraft(orderId: $orderId) {${ORDER_RESULT}}
  }
`);

export const RenameDraftMutation = gql<{ renameDraft: OrderResult }, { orderId: string; name: string | null }>(`
  mutation PortalRenameDraft($orderId: ID!, $name: String) {
    renameDraft(orderId: $orderId, name: $name) {${ORDER_RESULT}}
  }
`);

export const DeleteDraftMutation = gql<
  { deleteDraft: { __typename: "DeletedDraft"; id: string } | OrderError },
  { orderId: string }
>(`
  mutation PortalDeleteDraft($orderId: ID!) {
    deleteDraft(orderId: $orderId) {
      __typename
      ... on DeletedDraft {
        id
      }
      ... on OrderError {
        code
        message
      }
    }
  }
`);

export const CopyOrderToDraftMutation = gql<
  { copyOrderToDraft: { __typename: "DraftCopy"; draft: { id: string }; leftOut: string[] } | OrderError },
  { orderId: string }
>(`
  mutation PortalCopyOrderToDraft($orderId: ID!) {
    copyOrderToDraft(orderId: $orderId) {
      __typename
      ... on DraftCopy {
        draft {
          id
        }
        leftOut
      }
      ... on OrderError {
        code
        message
      }
    }
  }
`);

export const FireOrderTransitionMutation = gql<{ fireOrderTransition: OrderResult }, { orderId: string; to: string }>(`
  mutation PortalFireOrderTransition($orderId: ID!, $to: String!) {
    fireOrderTransition(orderId: $orderId, to: $to) {${ORDER_RESULT}}
  }
`);

export const CancelOrderMutation = gql<{ cancelOrder: OrderResult }, { orderId: string; reason: string }>(`
  mutation PortalCancelOrder($orderId: ID!, $reason: String!) {
    cancelOrder(orderId: $orderId, reason: $reason) {${ORDER_RESULT}}
  }
`);

export const TrackOrderMutation = gql<{ trackOrder: OrderResult }, { orderId: string; tracked: boolean }>(`
  mutation PortalTrackOrder($orderId: ID!, $tracked: Boolean!) {
    trackOrder(orderId: $orderId, tracked: $tracked) {${ORDER_RESULT}}
  }
`);

export const AddOrderCommentMutation = gql<
  { addOrderComment: { __typename: "OrderComment"; id: string } | OrderError },
  { orderId: string; body: string }
>(`
  mutation PortalAddOrderComment($orderId: ID!, $body: String!) {
    addOrderComment(orderId: $orderId, body: $body) {
      __typename
      ... on OrderComment {
        id
      }
      ... on OrderError {
        code
        message
      }
    }
  }
`);

/** One brand's part of the cross-brand dashboard: its latest orders and its active draft (the cart). */
export const BrandOrdersQuery = gql<{
  orders: OrderSummary[];
  activeDraft: (OrderSummary & { lines: { id: string }[] }) | null;
}>(`
  query PortalBrandOrders {
    orders(drafts: false, first: 20) {
      ${ORDER_SUMMARY}
    }
    activeDraft {
      ${ORDER_SUMMARY}
      lines {
        id
      }
    }
  }
`);
