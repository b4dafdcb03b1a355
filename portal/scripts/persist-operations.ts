import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { stringifyDocument } from "@urql/core";

/**
 * Trusted documents, build step: every operation the portal sends lives as a named constant in
 * app/graphql/*.ts. This writes schema/operations/portal.json — sha256 of the exact text urql
 * sends -> that text — which the gateway loads; a portal request names its operation by hash.
 * `--check` fails when the checked-in manifest is stale (a test runs it).
 */
const GRAPHQL_DIR = fileURLToPath(new URL("../app/graphql/", import.meta.url));
export const MANIFEST_PATH = fileURLToPath(new URL("../../schema/operations/portal.json", import.meta.url));

type Definition = { kind: string; name?: { value: string } };
type Document = Parameters<typeof stringifyDocument>[0] & { kind: "Document"; definitions: readonly Definition[] };
const isDocument = (v: unknown): v is Document =>
  typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "Document";

export async function buildPortalManifest(): Promise<string> {
  const operations: Record<string, { name: string; body: string }> = {};
  const files = readdirSync(GRAPHQL_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  for (const file of files) {
    const mod: Record<string, unknown> = await import(pathToFileURL(`${GRAPHQL_DIR}${file}`).href);
    for (const value of Object.values(mod)) {
      if (!isDocument(value)) continue;
      const op = value.definitions.find((d) => d.kind === "OperationDefinition");
      if (!op) continue;
      if (!op.name) throw new Error(`${file}: every portal operation needs a name`);
      const body = stringifyDocument(value);
      operations[createHash("sha256").update(body).digest("hex")] = { name: op.name.value, body };
    }
  }
  const sorted = Object.fromEntries(Object.entries(operations).sort(([, a], [, b]) => a.name.localeCompare(b.name)));
  return `${JSON.stringify({ version: 1, client: "portal", operations: sorted }, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const next = await buildPortalManifest();
  let current = "";
  try {
    current = readFileSync(MANIFEST_PATH, "utf8");
  } catch {}
  if (process.argv.includes("--check")) {
    if (current !== next) {
      console.error("schema/operations/portal.json is stale: run `npm run -w @dpp/portal persist-operations`");
      process.exit(1);
    }
  } else {
    writeFileSync(MANIFEST_PATH, next);
    console.log(`persisted ${Object.keys(JSON.parse(next).operations).length} portal operations`);
  }
}
