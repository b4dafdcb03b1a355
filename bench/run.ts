import { writeFileSync } from "node:fs";
import os from "node:os";
import { catalogSearch } from "./catalog-search.ts";
import { checkoutSubmission } from "./checkout-submission.ts";
import { documentsRender } from "./documents-render.ts";
import { gatewayProtections } from "./gateway-protections.ts";
import { guildBench } from "./guild/bench.ts";
import { identityAuth } from "./identity-auth.ts";
import { inventoryDistributorUpload } from "./inventory-distributor-upload.ts";
import { inventoryReservations } from "./inventory-reservations.ts";
import { orderImport } from "./order-import.ts";
import { orderSubmission } from "./order-submission.ts";
import { portalPages } from "./portal-pages.ts";
import { sliceLatency } from "./slice-latency.ts";
import { sqlStatements } from "./sql-statements.ts";
import { markdownReport } from "./src/report.ts";
import { workflowDiagram } from "./workflow-diagram.ts";

/** `npm run bench [-- --smoke]`: runs every benchmark, prints a table, writes bench/results.json. */
const smoke = process.argv.includes("--smoke");
const started = Date.now();
const results = {
  guild: await guildBench({ smoke }),
  slice: await sliceLatency({ smoke }),
  gatewayProtections: await gatewayProtections({ smoke }),
  identityAuth: await identityAuth({ smoke }),
  catalogSearch: await catalogSearch({ smoke }),
  documents: await documentsRender({ smoke }),
  inventoryReservations: await inventoryReservations({ smoke }),
  orderImport: await orderImport({ smoke }),
  orderSubmission: await orderSubmission({ smoke }),
  checkoutSubmission: await checkoutSubmission({ smoke }),
  inventoryDistributorUpload: await inventoryDistributorUpload({ smoke }),
  sqlStatements: await sqlStatements({ smoke }),
  portalPages: await portalPages({ smoke }),
  workflowDiagram: await workflowDiagram({ smoke }),
};
const report = {
  date: new Date().toISOString(),
  smoke,
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  results,
  seconds: Math.round((Date.now() - started) / 100) / 10,
};
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(new URL("./results.md", import.meta.url), markdownReport(report));
console.log(
  `\nBench (${smoke ? "smoke" : "full"}) on ${report.machine.cpus} × ${report.machine.cpu}, Node ${process.version}\n`,
);
console.log("| measure | n | p50 ms | p95 ms | p99 ms | min | max |");
console.log("|---|---|---|---|---|---|---|");
for (const [name, v] of Object.entries(results.slice)) {
  if (typeof v === "number") continue;
  console.log(`| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`);
}
for (const [name, v] of Object.entries(results.slice)) {
  if (typeof v === "number") console.log(`${name}: ${v}`);
}
console.log("\nIdentity (login = argon2 verify; gateway token verification with a cached JWKS):", results.identityAuth);
console.log("\nGateway protections (with vs without, sequential requests):");
for (const [name, v] of Object.entries(results.gatewayProtections)) {
  console.log(
    typeof v === "number"
      ? `${name}: ${v}`
      : `| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`,
  );
}
console.log("\nCatalog (generated SKUs; search through the gateway with 50 concurrent clients; pricing 1,000 lines):");
for (const [name, v] of Object.entries(results.catalogSearch)) {
  console.log(
    typeof v === "number"
      ? `${name}: ${v}`
      : `| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`,
  );
}
console.log("\nDocuments (warm; wall and CPU ms; goals: invoice PDF ≤ 300 ms, act ≤ 2 s):");
for (const [name, v] of Object.entries(results.documents)) {
  console.log(`| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`);
}
console.log("\nInventory reservations on hot SKUs (reserveOrderStock, 32 in flight; oversold must be 0):");
console.log(results.inventoryReservations);
console.log("\nOrder import through the gateway (.xlsx as base64; goals: 200 lines ≤ 300 ms, 10,000 ≤ 3 s):");
for (const [name, v] of Object.entries(results.orderImport)) {
  console.log(
    typeof v === "number"
      ? `${name}: ${v}`
      : `| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`,
  );
}
console.log("\nThe Guild's gateway benchmark (median req/s, p50/p99 ms, peak RSS MB; ratios in bench/results.md):");
for (const g of Object.values(results.guild.gateways)) {
  console.log(`| ${g.label} | ${g.rps.median} | ${g.p50.median} | ${g.p99.median} | ${g.rssMb.median} |`);
}
console.log(results.guild.ratios);
console.log("\nDistributor stock upload (.xlsx, replace in one transaction):");
console.log(results.inventoryDistributorUpload);
console.log("\nOrder submission through the gateway (keaz, one line each, idempotency key each):");
for (const [name, v] of Object.entries(results.orderSubmission)) {
  console.log(
    typeof v === "number"
      ? `${name}: ${v}`
      : `| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`,
  );
}
console.log("\nSQL statements per GraphQL request (portal operations; fetch steps in the plan vs statements):");
console.table(results.sqlStatements);
console.log("\nPortal (catalog page TTFB, goal p95 ≤ 150 ms; JS per route gzipped, goal ≤ 150 KB):");
const { jsKbGzippedPerRoute, ...pages } = results.portalPages;
console.log(pages);
console.log("JS KB gzipped per route:", jsKbGzippedPerRoute);
console.log("\nWorkflow diagram layout (ELK on the portal server, warm, uncached; ms):");
for (const [name, v] of Object.entries(results.workflowDiagram)) {
  console.log(
    typeof v === "number"
      ? `${name}: ${v}`
      : `| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.min} | ${v.max} |`,
  );
}
