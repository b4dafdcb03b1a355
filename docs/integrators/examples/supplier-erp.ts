import { fileURLToPath } from "node:url";
import { gatewayClient, unwrap } from "./client.ts";

/**
 * A supplier's ERP (signed in as a staff member: these operations are staff/ERP only) posts
 * the day's payments and shipments and the stock on hand. Every call is idempotent: payments and
 * shipments by the ERP's externalId, stock because quantities are absolute.
 */
const RECORD_PAYMENT = `mutation Pay($input: RecordPaymentInput!) {
  recordPayment(input: $input) { __typename ... on Payment { id documentNumber amount { amount currency } } ... on FinanceError { code message } }
}`;
const POST_SHIPMENT = `mutation Ship($input: PostShipmentInput!) {
  postShipment(input: $input) { __typename ... on Shipment { id number amount { amount currency } } ... on FinanceError { code message } }
}`;
const SET_STOCK = `mutation Stock($rows: [StockLevelUpdateInput!]!) {
  setStockLevels(rows: $rows) { applied rows changed errors { row code message } }
}`;

type Typed = { __typename: string; id?: string };

export interface SupplierDay {
  payments: { externalId: string; contractNumber: string; documentNumber: string; paidOn: string; amount: number }[];
  shipments: { externalId: string; contractNumber: string; number: string; shippedOn: string; amount: number }[];
  stock: { warehouseCode: string; article: string; quantity: number }[];
}

export async function postSupplierDay(gatewayUrl: string, token: string, day: SupplierDay) {
  const call = gatewayClient(gatewayUrl, { token });
  const payments: string[] = [];
  for (const p of day.payments) {
    const r = await call<{ recordPayment: Typed }, { input: object }>(RECORD_PAYMENT, { input: p });
    payments.push(unwrap(r.recordPayment, "Payment").id ?? "");
  }
  const shipments: string[] = [];
  for (const s of day.shipments) {
    const r = await call<{ postShipment: Typed }, { input: object }>(POST_SHIPMENT, { input: s });
    shipments.push(unwrap(r.postShipment, "Shipment").id ?? "");
  }
  const stock = await call<
    {
      setStockLevels: {
        applied: boolean;
        rows: number;
        changed: number;
        errors: { row: number; code: string; message: string }[];
      };
    },
    { rows: SupplierDay["stock"] }
  >(SET_STOCK, { rows: day.stock });
  if (!stock.setStockLevels.applied) {
    throw new Error(stock.setStockLevels.errors.map((e) => `row ${e.row}: ${e.code} ${e.message}`).join("; "));
  }
  return { payments, shipments, stockChanged: stock.setStockLevels.changed };
}

// npx tsx docs/integrators/examples/supplier-erp.ts day.json   (GATEWAY_URL, ACCESS_TOKEN)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readFileSync } = await import("node:fs");
  const day = JSON.parse(readFileSync(process.argv[2] ?? "day.json", "utf8")) as SupplierDay;
  const r = await postSupplierDay(
    process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql",
    process.env.ACCESS_TOKEN ?? "",
    day,
  );
  console.log(`платежей ${r.payments.length}, отгрузок ${r.shipments.length}, остатков изменено ${r.stockChanged}`);
}
