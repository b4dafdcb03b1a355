import { writeFileSync } from "node:fs";
import os from "node:os";
import { catalogSearch } from "./catalog-search.ts";
import { documentsRender } from "./documents-render.ts";
import { gatewayProtections } from "./gateway-protections.ts";
import { identityAuth } from "./identity-auth.ts";
import { sliceLatency } from "./slice-latency.ts";

/** `npm run bench [-- --smoke]`: runs every benchmark, prints a table, writes bench/results.json. */
const smoke = process.argv.includes("--smoke");
const started = Date.now();
const results = {
  slice: await sliceLatency({ smoke }),
  gatewayProtections: await gatewayProtections({ smoke }),
  identityAuth: await identityAuth({ smoke }),
  catalogSearch: await catalogSearch({ smoke }),
  documents: await documentsRender({ smoke }),
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
