import { gql } from "@urql/core";
import type { Money, OrderError } from "./types.ts";

/** One row of an import's report, as the preview table shows it. */
export interface ImportRow {
  line: number;
  article: string;
  requested: number | null;
  quantity: number;
  status: string;
  added: boolean;
  message: string;
  name: string | null;
  unitPrice: Money | null;
  successors: { article: string; name: string }[];
}

export interface ImportPreview {
  __typename: "OrderImportPreview";
  format: string;
  headerLine: number | null;
  rows: ImportRow[];
  summary: { rows: number; addedRows: number; problemRows: number; positions: number; pieces: number; amount: Money };
}

export type ImportFileError = { __typename: "OrderImportFileError"; code: string; message: string };

export interface ImportInput {
  orderId: string;
  file?: { filename: string; contentBase64: string } | null;
  paste?: string | null;
}

const PREVIEW = `
  format
  headerLine
  rows {
    line
    article
    requested
    quantity
    status
    added
    message
    name
    unitPrice {
      amount
      currency
    }
    successors {
      article
      name
    }
  }
  summary {
    rows
    addedRows
    problemRows
    positions
    pieces
    amount {
      amount
      currency
    }
  }
`;

const ERRORS = `
  ... on OrderImportFileError {
    code
    message
  }
  ... on OrderError {
    code
    message
  }
`;

export const OrderImportPreviewQuery = gql<
  { orderImportPreview: ImportPreview | ImportFileError | OrderError },
  { input: ImportInput }
>(`
  query PortalOrderImportPreview($input: OrderImportInput!) {
    orderImportPreview(input: $input) {
      __typename
      ... on OrderImportPreview {${PREVIEW}}
      ${ERRORS}
    }
  }
`);

export const ImportOrderLinesMutation = gql<
  {
    importOrderLines:
      | { __typename: "OrderImportCommitted"; report: { summary: ImportPreview["summary"] } }
      | ImportFileError
      | OrderError;
  },
  { input: ImportInput }
>(`
  mutation PortalImportOrderLines($input: OrderImportInput!) {
    importOrderLines(input: $input) {
      __typename
      ... on OrderImportCommitted {
        report {
          summary {
            addedRows
            positions
            pieces
          }
        }
      }
      ${ERRORS}
    }
  }
`);

export const OrderImportSampleQuery = gql<{
  orderImportSample: { filename: string; contentType: string; contentBase64: string };
}>(`
  query PortalOrderImportSample {
    orderImportSample {
      filename
      contentType
      contentBase64
    }
  }
`);
