import { gql } from "@urql/core";
import type { FieldError } from "./identity.ts";

/** Operations of the webhooks page (account/webhooks). */

export interface WebhookSubscription {
  id: string;
  url: string;
  topics: string[];
  active: boolean;
  createdAt: string;
}
export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  topic: string;
  status: string;
  attempt: number;
  maxAttempts: number;
  responseCode: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
}
type AccountError = { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };

const SUBSCRIPTION = "id url topics active createdAt";
const DELIVERY =
  "id subscriptionId topic status attempt maxAttempts responseCode durationMs error createdAt lastAttemptAt";
const ERROR = `... on AccountError { code message fields { field message } }`;

export const WebhooksQuery = gql<{
  webhookTopics: { code: string; label: string }[];
  webhookSubscriptions: WebhookSubscription[];
  webhookDeliveries: WebhookDelivery[];
}>(`
  query PortalWebhooks {
    webhookTopics { code label }
    webhookSubscriptions { ${SUBSCRIPTION} }
    webhookDeliveries(first: 50) { ${DELIVERY} }
  }
`);

export const CreateWebhookMutation = gql<
  {
    createWebhookSubscription:
      | { __typename: "CreatedWebhookSubscription"; secret: string; subscription: WebhookSubscription }
      | AccountError;
  },
  { i: { url: string; topics: string[] } }
>(`
  mutation PortalCreateWebhook($i: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $i) {
      __typename ... on CreatedWebhookSubscription { secret subscription { ${SUBSCRIPTION} } } ${ERROR}
    }
  }
`);

export const UpdateWebhookMutation = gql<
  { updateWebhookSubscription: ({ __typename: "WebhookSubscription" } & WebhookSubscription) | AccountError },
  { i: { id: string; active: boolean } }
>(`
  mutation PortalUpdateWebhook($i: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(input: $i) { __typename ... on WebhookSubscription { ${SUBSCRIPTION} } ${ERROR} }
  }
`);

export const DeleteWebhookMutation = gql<
  { deleteWebhookSubscription: ({ __typename: "WebhookSubscription" } & WebhookSubscription) | AccountError },
  { id: string }
>(`
  mutation PortalDeleteWebhook($id: ID!) {
    deleteWebhookSubscription(id: $id) { __typename ... on WebhookSubscription { ${SUBSCRIPTION} } ${ERROR} }
  }
`);

export const RedeliverWebhookMutation = gql<
  { redeliverWebhook: ({ __typename: "WebhookDelivery" } & WebhookDelivery) | AccountError },
  { id: string }
>(`
  mutation PortalRedeliverWebhook($id: ID!) {
    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { ${DELIVERY} } ${ERROR} }
  }
`);
