import { randomUUID } from "node:crypto";
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from "@dpp/auth";
import ExcelJS from "exceljs";
import postgres from "postgres";
import { BENCH_SECRET, startBenchStack } from "./src/stack.ts";

/**
 * A distributor's stock file of 100,000 rows (5,000 with --smoke): generated catalog products ×
 * 5 distributor warehouses as an .xlsx file (as distributors send them; zipped, it fits the
 * platform's 2 MB request limit where the same CSV would not), sent to `uploadDistributorStock` on the inventory subgraph as
 * a dealer of the tenant. The upload checks every row (articles resolved through the catalog)
 * and replaces the distributor's stock in one transaction; timed twice (a replace of a full
 * stock) and the rows stored counted.
 */
export async function inventoryDistributorUpload(opts: { smoke: boolean }) {
  const rows = opts.smoke ? 5_000 : 100_000;
  const warehouses = 5;
  const products = rows / warehouses;
  const stack = await startBenchStack();
  const admin = postgres(stack.adminUrl, { max: 2, onnotice: () => {} });
  try {
    // A tenant that runs a distributor network (keaz's feature; others refuse uploads).
    const tenant = stack.dataset.tenants.find((t) => t.definition.features.distributorNetwork);
    if (!tenant) throw new Error("no demo tenant with a distributor network");
    await admin`
      insert into catalog.products (tenant_id, id, article, name, price_group, base_price)
      select ${tenant.id}, 'prd_up_' || g, 'UP' || lpad(g::text, 7, '0'), 'Товар ' || g, 'A', 10000
      from generate_series(1, ${products}) g`;
    const companyId = "cmp_bench_distributor";
    await admin`
      insert into inventory.distributor_warehouses (tenant_id, id, company_id, code, name, address, contacts)
      select ${tenant.id}, 'dwh_bench_' || w, ${companyId}, 'D' || w, 'Склад ' || w, 'Адрес ' || w, '-'
      from generate_series(1, ${warehouses}) w`;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Остатки");
    sheet.addRow(["Код склада", "Артикул", "Количество"]);
    for (let g = 1; g <= products; g++) {
      const article = `UP${String(g).padStart(7, "0")}`;
      for (let w = 1; w <= warehouses; w++) sheet.addRow([`D${w}`, article, (g * w) % 97]);
    }
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const actor = {
      kind: "user" as const,
      userId: "usr_bench",
      tenantId: tenant.id,
      companyId,
      roles: ["dealer_admin" as const],
      // «Предоставление отчетов об остатках и продажах»: the right a distributor reports stock with.
      permissions: ["stock.view"],
    };
    const upload = async () => {
      const requestId = `bench-${randomUUID()}`;
      const token = await signInternalToken({ actor, requestId }, BENCH_SECRET);
      const t = performance.now();
      const res = await fetch(`${stack.platform.urls.inventory}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token, [REQUEST_ID_HEADER]: requestId },
        body: JSON.stringify({
          query: `mutation($file: UploadedFileInput!) { uploadDistributorStock(file: $file) { applied changed errors { row } } }`,
          variables: { file: { fileName: "ostatki.xlsx", contentBase64: file.toString("base64") } },
        }),
      });
      if (!res.ok && !res.headers.get("content-type")?.includes("json")) throw new Error(`HTTP ${res.status}`);
      const body = (await res.json()) as {
        data?: { uploadDistributorStock: { applied: boolean; changed: number; errors: unknown[] } };
        errors?: unknown;
      };
      const seconds = (performance.now() - t) / 1000;
      const r = body.data?.uploadDistributorStock;
      if (!r?.applied) throw new Error(`upload refused: ${JSON.stringify(body.errors ?? r?.errors.slice(0, 3))}`);
      return { seconds: Math.round(seconds * 100) / 100, stored: r.changed };
    };
    const first = await upload();
    const replace = await upload();
    const [count] = await admin<{ n: number }[]>`
      select count(*)::int as n from inventory.distributor_stock where tenant_id = ${tenant.id}`;
    return {
      rows,
      fileMb: Math.round((file.length / 2 ** 20) * 100) / 100,
      firstUploadSeconds: first.seconds,
      replaceSeconds: replace.seconds,
      rowsPerSecond: Math.round(rows / replace.seconds),
      rowsStored: count?.n ?? -1,
    };
  } finally {
    await admin.end();
    await stack.stop();
  }
}
