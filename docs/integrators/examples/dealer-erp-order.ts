import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { gatewayClient, unwrap } from "./client.ts";

/**
 * A dealer's ERP places an order from a CSV file (`article;quantity`, header row) with its API
 * key (right orders.send). The idempotency key makes a retried submission safe: sent again, the
 * same order comes back instead of a second one.
 */
type OrderResult =
  | { __typename: "Order"; id: string; number: string; status: { code: string; label: string } }
  | { __typename: "OrderError"; code: string; message: string };

const CREATE_DRAFT = `mutation CreateDraft($name: String) { createDraft(name: $name) { id } }`;
const ADD_LINE = `mutation AddLine($input: AddOrderLineInput!) {
  addOrderLine(input: $input) { __typename ... on Order { id number status { code label } } ... on OrderError { code message } }
}`;
const SUBMIT = `mutation Submit($orderId: ID!, $key: String, $customerNumber: String) {
  submitOrder(orderId: $orderId, idempotencyKey: $key, customerNumber: $customerNumber) {
    __typename ... on Order { id number status { code label } } ... on OrderError { code message }
  }
}`;

export interface PlaceOrderInput {
  gatewayUrl: string;
  apiKey: string;
  csv: string;
  /** Make one per order in your ERP and keep it with the order, e.g. a UUID. */
  idempotencyKey: string;
  customerNumber?: string;
}

export async function placeOrderFromCsv(input: PlaceOrderInput) {
  const rows: { article: string; quantity: string }[] = parse(input.csv, {
    columns: true,
    delimiter: ";",
    skip_empty_lines: true,
    trim: true,
  });
  const call = gatewayClient(input.gatewayUrl, { apiKey: input.apiKey });
  const draft = await call<{ createDraft: { id: string } }, { name: string }>(CREATE_DRAFT, {
    name: `ERP ${input.customerNumber ?? input.idempotencyKey}`,
  });
  const orderId = draft.createDraft.id;
  for (const row of rows) {
    const r = await call<{ addOrderLine: OrderResult }, { input: object }>(ADD_LINE, {
      input: { orderId, article: row.article, quantity: Number(row.quantity) },
    });
    unwrap(r.addOrderLine, "Order");
  }
  const submitted = await call<{ submitOrder: OrderResult }, { orderId: string; key: string; customerNumber?: string }>(
    SUBMIT,
    { orderId, key: input.idempotencyKey, customerNumber: input.customerNumber },
  );
  return unwrap(submitted.submitOrder, "Order") as Extract<OrderResult, { __typename: "Order" }>;
}

// npx tsx docs/integrators/examples/dealer-erp-order.ts order.csv   (GATEWAY_URL, API_KEY)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const order = await placeOrderFromCsv({
    gatewayUrl: process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql",
    apiKey: process.env.API_KEY ?? "",
    csv: readFileSync(process.argv[2] ?? "order.csv", "utf8"),
    idempotencyKey: process.env.IDEMPOTENCY_KEY ?? randomUUID(),
  });
  console.log(`Заказ № ${order.number}: ${order.status.label}`);
}
