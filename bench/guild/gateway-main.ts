import { readFileSync } from "node:fs";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { createServer } from "@dpp/gateway";
import { listen } from "@dpp/server";

/**
 * Child process: one gateway on the Guild supergraph, `node gateway-main.ts <kind> <port> <supergraph file>`.
 * - `ours`: our gateway as shipped (createServer from gateway/, production settings), in its
 *   bench configuration: rate limits off, because the load is 50 anonymous connections from one
 *   address (the per-address limit would refuse them); every other protection stays on.
 * - `ours-every`: the same with in-flight deduplication off, so every request is executed.
 * - `apollo`: plain @apollo/gateway on @apollo/server with default settings.
 */
const [kind, port, supergraphPath] = process.argv.slice(2);
const supergraphSdl = readFileSync(String(supergraphPath), "utf8");
process.env.APOLLO_TELEMETRY_DISABLED = "true";

if (kind === "apollo") {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  await startStandaloneServer(server, { listen: { port: Number(port), host: "127.0.0.1" } });
} else if (kind === "ours" || kind === "ours-every") {
  const server = await createServer({
    supergraphSdl,
    subgraphUrls: {},
    // No caller presents a token in this scenario, so the key set is never fetched.
    jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json",
    issuer: "dpp-identity",
    internalTokenSecret: "bench-internal-secret-0123456789abcdef",
    maskErrors: true,
    rateLimits: false,
    deduplicate: kind === "ours",
  });
  await listen(server.app, Number(port));
} else {
  throw new Error(`unknown gateway kind ${kind}`);
}
process.stdout.write("ready\n");
