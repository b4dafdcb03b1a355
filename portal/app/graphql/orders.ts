import { gql } from "@urql/core";
import type { Money, OrderError } from "./types.ts";

export interface OrderSummary {
  id: string;
  number: string;
  isDraft: boolean;
  name: string | null;
  statusCode: string;
  status: { code: string; label: string; category: string; color: string };
  totals: { positions: number; pieces: number; amount: Money; vat: Money };
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
  unitPrice: Money;
  amount: Money;
}

export interface OrderDetail extends OrderSummary {
  comment: string | null;
  lines: OrderLine[];
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
  lines {
    id
    article
    name
    quantity
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

/** The orders page: submitted orders with their documents, and the drafts. */
export const OrdersPageQuery = gql<{
  submitted: (OrderSummary & { documents: OrderDocument[] })[];
  drafts: OrderSummary[];
}>(`
  query PortalOrdersPage {
    submitted: orders(drafts: false) {
      ${ORDER_SUMMARY}
      documents {
        type {
          code
          label
        }
      }
    }
    drafts: orders(drafts: true) {
      ${ORDER_SUMMARY}
    }
  }
`);

export const DraftsQuery = gql<{ orders: OrderSummary[] }>(`
  query PortalDrafts {
    orders(drafts: true) {
      ${ORDER_SUMMARY}
    }
  }
`);

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

export const SubmitOrderMutation = gql<{ submitOrder: OrderResult }, { orderId: string; comment?: string | null }>(`
  mutation PortalSubmitOrder($orderId: ID!, $comment: String) {
    submitOrder(orderId: $orderId, comment: $comment) {${ORDER_RESULT}}
  }
`);
