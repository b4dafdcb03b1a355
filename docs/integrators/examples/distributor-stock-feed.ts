import { fileURLToPath } from "node:url";
import { gatewayClient } from "./client.ts";

/**
 * A distributor publishes its own warehouses and stock of the supplier's products with its API
 * key. The stock call replaces the company's whole stock, all rows or none: a bad row is named
 * in the report and nothing changes.
 */
const SAVE_WAREHOUSES = `mutation Warehouses($rows: [DistributorWarehouseInput!]!) {
  saveDistributorWarehouses(rows: $rows) { applied saved errors { row message } }
}`;
const SET_STOCK = `mutation DistributorStock($rows: [DistributorStockRowInput!]!) {
  setDistributorStock(rows: $rows) { applied rows changed errors { row code message } }
}`;

export interface DistributorFeed {
  warehouses: { code: string; name: string; address: string; contacts: string }[];
  stock: { warehouseCode: string; article: string; quantity: number; link?: string }[];
}

export async function publishDistributorStock(gatewayUrl: string, apiKey: string, feed: DistributorFeed) {
  const call = gatewayClient(gatewayUrl, { apiKey });
  const w = await call<
    { saveDistributorWarehouses: { applied: boolean; saved: number; errors: { row: number; message: string }[] } },
    { rows: DistributorFeed["warehouses"] }
  >(SAVE_WAREHOUSES, { rows: feed.warehouses });
  if (!w.saveDistributorWarehouses.applied) throw new Error(JSON.stringify(w.saveDistributorWarehouses.errors));
  const s = await call<
    {
      setDistributorStock: {
        applied: boolean;
        rows: number;
        changed: number;
        errors: { row: number; code: string; message: string }[];
      };
    },
    { rows: DistributorFeed["stock"] }
  >(SET_STOCK, { rows: feed.stock });
  return s.setDistributorStock;
}

// npx tsx docs/integrators/examples/distributor-stock-feed.ts feed.json   (GATEWAY_URL, API_KEY)
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readFileSync } = await import("node:fs");
  const feed = JSON.parse(readFileSync(process.argv[2] ?? "feed.json", "utf8")) as DistributorFeed;
  const r = await publishDistributorStock(
    process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql",
    process.env.API_KEY ?? "",
    feed,
  );
  console.log(
    r.applied ? `сохранено строк: ${r.changed}` : r.errors.map((e) => `строка ${e.row}: ${e.message}`).join("\n"),
  );
}
