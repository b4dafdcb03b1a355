export type { ComposeOptions, ServiceSdl } from "./compose.ts";
export { CompositionError, composeFromSdl, composeSupergraph } from "./compose.ts";
export type { GatewayConfig } from "./config.ts";
export { loadGatewayConfig } from "./config.ts";
export type { GatewayContext, GatewayDeps } from "./server.ts";
export { createServer, requestIdOf } from "./server.ts";
export type { SubgraphDefinition, SubgraphName } from "./subgraphs.ts";
export { repoRoot, subgraphs } from "./subgraphs.ts";
export { loadManifest } from "./trusted-documents.ts";
