import { writeFileSync } from "node:fs";
import path from "node:path";
import { CompositionError, composeSupergraph } from "./compose.ts";
import { repoRoot } from "./subgraphs.ts";

/** `npm run compose [-- --strict]`: writes schema/supergraph.graphql from every subgraph's SDL. */
const strict = process.argv.includes("--strict");
const out = path.join(repoRoot, "schema", "supergraph.graphql");
try {
  const sdl = composeSupergraph({
    requireAll: strict,
    onMissing: (names) => console.warn(`compose: no schema yet for ${names.join(", ")}; left out`),
  });
  writeFileSync(out, sdl.endsWith("\n") ? sdl : `${sdl}\n`);
  console.log(`compose: wrote ${path.relative(process.cwd(), out) || out}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
