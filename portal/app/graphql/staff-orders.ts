import { gql } from "@urql/core";
import type { Money, OrderError } from "./types.ts";

/** The supplier's manager's side of orders: the queue, one order, transitions, comments. */
export type ManagerView = "MINE" | "POOL" | "ALL";

interface StatusView {
  code: string;
  label: string;
  category: string;
  color: string;
  editableBy: string[];
}

export interface QueueOrder {
  id: string;
  number: string;
  submittedAt: string | null;
  createdAt: string;
  status: StatusView;
  totals: { positions: number; amount: Money };
  company: { id: string; name: string } | null;
  manager: { id: string; fullName: string } | null;
}

const QUEUE_FIELDS = `
  id
  number
  submittedAt
  createdAt
  status { code label category color editableBy }
  totals { positions amount { amount currency } }
  company { id name }
  manager { id fullName }
`;

/** One view of the queue plus the other two's sizes for the tabs. */
export const ManagerQueueQuery = gql<
  { orders: QueueOrder[]; mine: { id: string }[]; pool: { id: string }[]; viewer: { user: { id: string } } | null },
  { view: ManagerView }
>(`
  query PortalManagerQueue($view: ManagerOrdersView!) {
    orders: managerOrders(view: $view, first: 200) {${QUEUE_FIELDS}}
    mine: managerOrders(view: MINE, first: 200) { id }
    pool: managerOrders(view: POOL, first: 200) { id }
    viewer { user { id } }
  }
`);

export interface StaffOrderDetail extends QueueOrder {
  comment: string | null;
  cancelReason: string | null;
  statusChangedAt: string | null;
  lines: { id: string; article: string; name: string; quantity: number; unitPrice: Money; amount: Money }[];
  totals: { positions: number; pieces: number; amount: Money; vat: Money };
  availableTransitions: { to: { code: string; label: string }; label: string; guards: string[]; cancels: boolean }[];
  comments: { id: string; authorSide: string; author: { fullName: string } | null; body: string; createdAt: string }[];
}

const DETAIL_FIELDS = `
  ${QUEUE_FIELDS}
  comment
  cancelReason
  statusChangedAt
  lines { id article name quantity unitPrice { amount currency } amount { amount currency } }
  totals { positions pieces amount { amount currency } vat { amount currency } }
  availableTransitions { to { code label } label guards cancels }
  comments { id authorSide author { fullName } body createdAt }
`;

export const StaffOrderQuery = gql<
  { order: StaffOrderDetail | null; viewer: { user: { id: string } } | null },
  { id: string }
>(`
  query PortalStaffOrder($id: ID!) {
    order(id: $id) {${DETAIL_FIELDS}}
    viewer { user { id } }
  }
`);

type Result = { __typename: "Order"; id: string } | OrderError;
const RESULT = `__typename ... on Order { id } ... on OrderError { code message }`;

export const TakeOrderMutation = gql<{ takeOrder: Result }, { id: string }>(`
  mutation PortalTakeOrder($id: ID!) { takeOrder(orderId: $id) { ${RESULT} } }
`);

export const FireTransitionMutation = gql<{ fireOrderTransition: Result }, { id: string; to: string }>(`
  mutation PortalFireTransition($id: ID!, $to: String!) { fireOrderTransition(orderId: $id, to: $to) { ${RESULT} } }
`);

export const CancelOrderMutation = gql<{ cancelOrder: Result }, { id: string; reason: string }>(`
  mutation PortalCancelOrder($id: ID!, $reason: String!) { cancelOrder(orderId: $id, reason: $reason) { ${RESULT} } }
`);

export const StaffLineQuantityMutation = gql<
  { setOrderLineQuantity: Result },
  { id: string; lineId: string; quantity: number }
>(`
  mutation PortalStaffLineQuantity($id: ID!, $lineId: ID!, $quantity: Int!) {
    setOrderLineQuantity(orderId: $id, lineId: $lineId, quantity: $quantity) { ${RESULT} }
  }
`);

export const StaffCommentMutation = gql<
  { addOrderComment: { __typename: "OrderComment"; id: string } | OrderError },
  { id: string; body: string }
>(`
  mutation PortalStaffComment($id: ID!, $body: String!) {
    addOrderComment(orderId: $id, body: $body) { __typename ... on OrderComment { id } ... on OrderError { code message } }
  }
`);
