import { gql } from "@urql/core";

/** Feedback tickets («Обратная связь»): the dealer's and the supplier's pages share these. */
export type TicketStatus = "OPEN" | "CLOSED";

export interface TicketSummary {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  updatedAt: string;
  company: { name: string };
  author: { fullName: string };
  manager: { fullName: string } | null;
}

export interface TicketDetail extends TicketSummary {
  createdAt: string;
  messages: { id: string; side: "DEALER" | "MANAGER"; body: string; createdAt: string; author: { fullName: string } }[];
}

const SUMMARY = "id number subject status updatedAt company { name } author { fullName } manager { fullName }";
const DETAIL = `${SUMMARY} createdAt messages { id side body createdAt author { fullName } }`;

export interface TicketError {
  __typename: "TicketError";
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}
export type TicketResult = { __typename: "Ticket"; id: string } | TicketError;
const RESULT = "__typename ... on Ticket { id } ... on TicketError { code message fields { field message } }";

export const TicketsQuery = gql<{ tickets: TicketSummary[] }, { status: TicketStatus | null }>(`
  query PortalTickets($status: TicketStatus) {
    tickets(status: $status) { ${SUMMARY} }
  }
`);

export const TicketQuery = gql<{ ticket: TicketDetail | null }, { id: string }>(`
  query PortalTicket($id: ID!) {
    ticket(id: $id) { ${DETAIL} }
  }
`);

export const OpenTicketMutation = gql<{ openTicket: TicketResult }, { subject: string; body: string }>(`
  mutation PortalOpenTicket($subject: String!, $body: String!) {
    openTicket(input: { subject: $subject, body: $body }) { ${RESULT} }
  }
`);

export const PostTicketMessageMutation = gql<{ postTicketMessage: TicketResult }, { id: string; body: string }>(`
  mutation PortalPostTicketMessage($id: ID!, $body: String!) {
    postTicketMessage(ticketId: $id, body: $body) { ${RESULT} }
  }
`);

export const SetTicketStatusMutation = gql<{ setTicketStatus: TicketResult }, { id: string; status: TicketStatus }>(`
  mutation PortalSetTicketStatus($id: ID!, $status: TicketStatus!) {
    setTicketStatus(ticketId: $id, status: $status) { ${RESULT} }
  }
`);
