import { gql } from "@urql/core";

export interface CheckoutFormField {
  key: string;
  label: string;
  required: boolean;
  options: { code: string; label: string }[];
  default: string | null;
}

export interface CheckoutForm {
  fields: CheckoutFormField[];
  defaultCounterpartyId: string | null;
  savedAddresses: { id: string; address: string }[];
}

/** A draft's checkout values as the dealer left them (updateDraftCheckout). */
export interface DraftCheckoutValues {
  counterpartyId: string | null;
  contractId: string | null;
  consignee: string | null;
  deliveryAddress: string | null;
  warehouseId: string | null;
  deliveryMethod: string | null;
  paymentOption: string | null;
  shipInParts: boolean | null;
  plannedDate: string | null;
  technicalServices: string[];
  confirmed: boolean | null;
  comment: string | null;
  customerNumber: string | null;
}

const DRAFT_VALUES = `
      counterpartyId
      contractId
      consignee
      deliveryAddress
      warehouseId
      deliveryMethod
      paymentOption
      shipInParts
      plannedDate
      technicalServices
      confirmed
      comment
      customerNumber`;

export const DraftCheckoutQuery = gql<
  { order: { id: string; draftCheckout: DraftCheckoutValues | null } | null },
  { id: string }
>(`
  query PortalDraftCheckout($id: ID!) {
    order(id: $id) {
      id
      draftCheckout {${DRAFT_VALUES}
      }
    }
  }
`);

export const UpdateDraftCheckoutMutation = gql<
  {
    updateDraftCheckout:
      | { __typename: "Order"; id: string }
      | { __typename: "OrderError"; code: string; message: string };
  },
  { orderId: string; comment: string | null; customerNumber: string | null; checkout: Record<string, unknown> }
>(`
  mutation PortalUpdateDraftCheckout(
    $orderId: ID!
    $comment: String
    $customerNumber: String
    $checkout: CheckoutInput
  ) {
    updateDraftCheckout(orderId: $orderId, comment: $comment, customerNumber: $customerNumber, checkout: $checkout) {
      __typename
      ... on Order {
        id
      }
      ... on OrderError {
        code
        message
      }
    }
  }
`);

export interface CheckoutProblem {
  field: string;
  code: string;
  message: string;
}

export interface OrderCheckoutView {
  counterparty: { id: string; name: string } | null;
  contract: { id: string; name: string } | null;
  consignee: string | null;
  deliveryAddress: string | null;
  warehouse: { id: string; name: string } | null;
  deliveryMethod: { code: string; label: string } | null;
  paymentOption: { code: string; label: string } | null;
  shipInParts: boolean;
  plannedDate: string | null;
  technicalServices: { code: string; label: string }[];
  confirmed: boolean;
}

export const CheckoutFormQuery = gql<{ checkoutForm: CheckoutForm }>(`
  query PortalCheckoutForm {
    checkoutForm {
      fields {
        key
        label
        required
        default
        options {
          code
          label
        }
      }
      defaultCounterpartyId
      savedAddresses {
        id
        address
      }
    }
  }
`);

export type CheckoutSubmitResult =
  | { __typename: "Order"; id: string; number: string }
  | { __typename: "OrderError"; code: string; message: string; problems: CheckoutProblem[] };

export const CheckoutSubmitMutation = gql<
  { submitOrder: CheckoutSubmitResult },
  {
    orderId: string;
    comment: string | null;
    customerNumber: string | null;
    idempotencyKey: string | null;
    checkout: Record<string, unknown>;
  }
>(`
  mutation PortalSubmitCheckout(
    $orderId: ID!
    $comment: String
    $customerNumber: String
    $idempotencyKey: String
    $checkout: CheckoutInput
  ) {
    submitOrder(
      orderId: $orderId
      comment: $comment
      customerNumber: $customerNumber
      idempotencyKey: $idempotencyKey
      checkout: $checkout
    ) {
      __typename
      ... on Order {
        id
        number
      }
      ... on OrderError {
        code
        message
        problems {
          field
          code
          message
        }
      }
    }
  }
`);

export const OrderCheckoutQuery = gql<
  { order: { id: string; checkout: OrderCheckoutView | null } | null },
  { id: string }
>(`
  query PortalOrderCheckout($id: ID!) {
    order(id: $id) {
      id
      checkout {
        counterparty {
          id
          name
        }
        contract {
          id
          name
        }
        consignee
        deliveryAddress
        warehouse {
          id
          name
        }
        deliveryMethod {
          code
          label
        }
        paymentOption {
          code
          label
        }
        shipInParts
        plannedDate
        technicalServices {
          code
          label
        }
        confirmed
      }
    }
  }
`);

export interface SwitcherDraft {
  id: string;
  name: string | null;
  createdAt: string;
}

export const DraftSwitcherQuery = gql<{
  draftSwitcher: { multipleDrafts: boolean; active: SwitcherDraft | null; drafts: SwitcherDraft[] };
}>(`
  query PortalDraftSwitcher {
    draftSwitcher {
      multipleDrafts
      active {
        id
        name
        createdAt
      }
      drafts {
        id
        name
        createdAt
      }
    }
  }
`);
