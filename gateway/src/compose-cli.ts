import { writeFileSync } from "node:fs";
import path from "node:path";
import { CompositionError, composeSupergraph } from "./compose.ts";
import { buildPublicContract } from "./contract.ts";
import { repoRoot } from "./subgraphs.ts";

/**
 * `npm run compose [-- --strict]`: writes schema/supergraph.graphql from every subgraph's SDL,
 * and schema/public.graphql, the integrators' contract (the `@tag(name: "public")` part).
 */
const strict = process.argv.includes("--strict");
const out = path.join(repoRoot, "schema", "supergraph.graphql");
try {
  const sdl = composeSupergraph({
    requireAll: strict,
    onMissing: (names) => console.warn(`compose: no schema yet for ${names.join(", ")}; left out`),
  });
  writeFileSync(out, sdl.endsWith("\n") ? sdl : `${sdl}\n`);
  console.log(`compose: wrote ${path.relative(process.cwd(), out) || out}`);
  const contract = buildPublicContract(sdl);
  writeFileSync(path.join(repoRoot, "schema", "public.graphql"), contract.sdl);
  console.log("compose: wrote schema/public.graphql");
  if (contract.undocumented.length > 0) {
    console.warn(`compose: public elements without a description:\n  ${contract.undocumented.join("\n  ")}`);
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
